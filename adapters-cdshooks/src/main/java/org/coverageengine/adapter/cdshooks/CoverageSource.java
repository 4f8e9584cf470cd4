package org.coverageengine.adapter.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.PaymentTypology;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;

/**
 * The one Coverage a hook call is answered for: from the {@code coverage} prefetch, else queried on the EHR's FHIR
 * server (412 when neither is possible); zero or several, or a payer this endpoint does not serve, is a 400 (CRD
 * hook-13). Its line of business is read from {@code Coverage.type} exactly as on the FHIR endpoint.
 */
final class CoverageSource {

    /** The Coverage found: how to reference it, its line of business (null: none given), and a notice when assumed. */
    record Found(String reference, LineOfBusiness lineOfBusiness, Optional<String> notice) {
    }

    private final FhirContext fhir;
    private final FhirQueries queries;
    private final CdsSettings settings;

    CoverageSource(FhirContext fhir, FhirQueries queries, CdsSettings settings) {
        this.fhir = fhir;
        this.queries = queries;
        this.settings = settings;
    }

    Found find(HookCall call) {
        JsonNode bundleJson = call.prefetched("coverage").orElseGet(() -> queries.activeCoverages(call));
        Bundle bundle;
        try {
            IParser parser = fhir.newJsonParser();
            bundle = parser.parseResource(Bundle.class, bundleJson.toString());
        } catch (DataFormatException | ClassCastException e) {
            throw HookFailure.badRequest("prefetch.coverage", "the coverage prefetch must be a FHIR searchset Bundle of Coverage");
        }
        List<Coverage> coverages = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Coverage coverage
                    && (coverage.getStatus() == null || coverage.getStatus() == Coverage.CoverageStatus.ACTIVE)) {
                coverages.add(coverage);
            }
        }
        if (coverages.size() != 1) {
            throw HookFailure.badRequest("prefetch.coverage", coverages.isEmpty() ? "the patient has no active Coverage, so no coverage"
                    + " information can be given" : "the patient has " + coverages.size() + " active Coverages; CRD needs the hook"
                    + " to be invoked for one Coverage at a time");
        }
        Coverage coverage = coverages.get(0);
        Set<String> payers = payers(coverage, call);
        if (!settings.serves(payers)) {
            throw HookFailure.badRequest("Coverage.payor", "this endpoint does not answer for the payer " + (payers.isEmpty() ? "(none named)"
                    : String.join(", ", payers)));
        }
        String reference = coverage.hasIdElement() && coverage.getIdElement().hasIdPart() ? "Coverage/" + coverage.getIdElement().getIdPart()
                : "Coverage";
        if (!coverage.hasType()) {
            return new Found(reference, null, Optional.empty());
        }
        Coding known = null;
        for (Coding coding : coverage.getType().getCoding()) {
            Optional<LineOfBusiness> lob = PaymentTypology.lineOfBusiness(coding.getSystem(), coding.getCode());
            if (lob.isPresent()) {
                return new Found(reference, lob.get(), Optional.empty());
            }
            if (known == null && PaymentTypology.knows(coding.getSystem())) {
                known = coding;
            }
        }
        return new Found(reference, LineOfBusiness.COMMERCIAL, Optional.of(known != null ? PaymentTypology.unmappedNotice(known.getSystem(),
                known.getCode()) : "The Coverage type is not a code the engine maps to a line of business: COMMERCIAL assumed."));
    }

    private static Set<String> payers(Coverage coverage, HookCall call) {
        Set<String> names = new LinkedHashSet<>();
        for (Reference payor : coverage.getPayor()) {
            if (payor.hasDisplay()) {
                names.add(payor.getDisplay());
            }
            if (payor.hasIdentifier() && payor.getIdentifier().hasValue()) {
                names.add(payor.getIdentifier().getValue());
            }
            if (payor.hasReference()) {
                names.add(payor.getReference());
                call.resolve(payor.getReference()).map(o -> o.path("name").asText(null)).ifPresent(names::add);
            }
        }
        return names;
    }
}
