package org.coverageengine.adapter.cdshooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Optional;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.Determination;

/**
 * Builds one repetition of CRD's {@code ext-coverage-information} for an engine determination, following the mapping
 * table of docs/cds-hooks.md, so that every repetition satisfies the invariants crd-ci-q1 to q9.
 */
final class CoverageInformation {

    static final String URL = "http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information";
    static final String DETAIL_SYSTEM = "http://terminology.hl7.org/CodeSystem/crd-coverage-detail";
    static final String REASON_SYSTEM = "http://hl7.org/fhir/us/davinci-crd/CodeSystem/temp";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode extension = NODES.objectNode();
    private final ArrayNode parts;

    private CoverageInformation() {
        extension.put("url", URL);
        parts = extension.putArray("extension");
    }

    /** Where the repetition applies and when it was asserted, common to every outcome. */
    record Scope(String coverageReference, LocalDate today, String assertionId, boolean primaryHook) {
    }

    /** The repetition for one determination of the engine, scoped to its billing code. */
    static ObjectNode of(Determination d, BillingCode billingCode, Scope scope, Optional<String> policyLink) {
        CoverageInformation info = new CoverageInformation();
        switch (d.outcome()) {
            case COVERED -> {
                info.code("covered", "covered");
                info.code("pa-needed", d.priorAuthorizationRequired() ? "auth-needed" : "no-auth");
            }
            case NO_POLICY -> {
                info.code("covered", "covered");
                info.code("pa-needed", "no-auth");
                info.detail("cat-limitation", "instructions", "No coverage policy of this payer restricts this code: the plan's regular"
                        + " benefits, limits and cost sharing apply.");
            }
            case CONDITIONAL -> {
                info.code("covered", "conditional");
                info.code("pa-needed", d.priorAuthorizationRequired() ? "auth-needed" : "no-auth");
                if (scope.primaryHook()) {
                    info.code("doc-needed", "clinical");
                    info.code("doc-purpose", d.priorAuthorizationRequired() ? "withpa" : "retain-doc");
                }
                info.code("info-needed", "OTH");
                for (Criterion criterion : d.criteria()) {
                    info.detail("cat-limitation", "instructions", criterion.text() + " [" + criterion.requirement() + "]");
                }
            }
            case NOT_COVERED, EXPERIMENTAL, BUNDLED, INVALID -> info.code("covered", "not-covered");
        }
        info.reason(d.explanation().isBlank() ? d.outcome().display() : d.explanation());
        policyLink.ifPresent(url -> info.detail("cat-other", "policy-link", NODES.objectNode().put("valueUrl", url)));
        return info.finish(billingCode, scope);
    }

    /** The repetition for an order with no CPT or HCPCS code: the code to bill is the information missing. */
    static ObjectNode withoutBillingCode(String resourceType, Scope scope) {
        CoverageInformation info = new CoverageInformation();
        info.code("covered", "conditional");
        info.code("info-needed", "detail-code");
        info.reason("The " + resourceType + " carries no CPT or HCPCS code (in its code or CRD billing options), so its coverage"
                + " cannot be determined; add the billing code to the order.");
        return info.finish(null, scope);
    }

    /** The repetition when evaluation failed after the Coverage was known (CRD resp-43). */
    static ObjectNode technicalFailure(BillingCode billingCode, Scope scope) {
        CoverageInformation info = new CoverageInformation();
        info.code("covered", "indeterminate");
        ObjectNode reason = NODES.objectNode();
        reason.putArray("coding").addObject().put("system", REASON_SYSTEM).put("code", "technical").put("display", "Technical issues");
        reason.put("text", "The payer's coverage engine could not evaluate this order; try again later.");
        info.parts.addObject().put("url", "reason").set("valueCodeableConcept", reason);
        return info.finish(billingCode, scope);
    }

    private ObjectNode finish(BillingCode billingCode, Scope scope) {
        if (billingCode != null) {
            parts.addObject().put("url", "billingCode").set("valueCoding",
                    NODES.objectNode().put("system", billingCode.system()).put("code", billingCode.code()));
        }
        parts.addObject().put("url", "coverage").set("valueReference", NODES.objectNode().put("reference", scope.coverageReference()));
        parts.addObject().put("url", "date").put("valueDate", scope.today().toString());
        parts.addObject().put("url", "coverage-assertion-id").put("valueString", scope.assertionId());
        return extension;
    }

    private void code(String url, String code) {
        parts.addObject().put("url", url).put("valueCode", code);
    }

    private void reason(String text) {
        parts.addObject().put("url", "reason").set("valueCodeableConcept", NODES.objectNode().put("text", text));
    }

    private void detail(String category, String code, String text) {
        detail(category, code, NODES.objectNode().put("valueString", text));
    }

    private void detail(String category, String code, ObjectNode value) {
        ObjectNode detail = parts.addObject().put("url", "detail");
        ArrayNode inner = detail.putArray("extension");
        inner.addObject().put("url", "category").put("valueCode", category);
        ObjectNode concept = NODES.objectNode();
        concept.putArray("coding").addObject().put("system", DETAIL_SYSTEM).put("code", code);
        inner.addObject().put("url", "code").set("valueCodeableConcept", concept);
        ObjectNode valued = inner.addObject().put("url", "value");
        valued.setAll(value);
    }

    /** A CPT or HCPCS code an order may be billed under. */
    record BillingCode(String system, String code) {
    }
}
