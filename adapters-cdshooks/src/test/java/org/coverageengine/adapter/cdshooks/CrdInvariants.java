package org.coverageengine.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The invariants crd-ci-q1..q9 of CRD's coverage-information extension, and its cardinalities, as test assertions. */
final class CrdInvariants {

    private static final Set<String> COVERED = Set.of("covered", "not-covered", "conditional", "indeterminate");
    private static final Set<String> PA = Set.of("no-auth", "auth-needed", "satisfied", "performpa", "conditional", "indeterminate");
    private static final Set<String> DOC = Set.of("clinical", "admin", "patient", "conditional", "indeterminate");
    private static final Set<String> PURPOSE = Set.of("withpa", "withclaim", "withorder", "retain-doc", "OTH");
    private static final Set<String> INFO = Set.of("performer", "location", "timeframe", "contract-window", "detail-code", "OTH");

    private CrdInvariants() {
    }

    /** Every coverage-information repetition of a resource. */
    static List<JsonNode> coverageInformation(JsonNode resource) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode extension : resource.path("extension")) {
            if (CoverageInformation.URL.equals(extension.path("url").asText())) {
                found.add(extension);
            }
        }
        return found;
    }

    static List<String> values(JsonNode info, String url) {
        List<String> values = new ArrayList<>();
        for (JsonNode part : info.path("extension")) {
            if (url.equals(part.path("url").asText())) {
                JsonNode value = part.has("valueCode") ? part.get("valueCode") : part.has("valueString") ? part.get("valueString")
                        : part.has("valueDate") ? part.get("valueDate") : part.path("valueCodeableConcept").path("text");
                values.add(value.asText());
            }
        }
        return values;
    }


    private static long countRaw(JsonNode info, String url) {
        long n = 0;
        for (JsonNode part : info.path("extension")) {
            if (url.equals(part.path("url").asText())) {
                n++;
            }
        }
        return n;
    }

    static void check(JsonNode info) {
        assertThat(countRaw(info, "coverage")).as("coverage 1..1").isEqualTo(1);
        assertThat(countRaw(info, "covered")).as("covered 1..1").isEqualTo(1);
        assertThat(countRaw(info, "date")).as("date 1..1").isEqualTo(1);
        assertThat(countRaw(info, "coverage-assertion-id")).as("coverage-assertion-id 1..1").isEqualTo(1);
        assertThat(countRaw(info, "pa-needed")).as("pa-needed 0..1").isLessThanOrEqualTo(1);
        assertThat(COVERED).containsAll(values(info, "covered"));
        assertThat(PA).containsAll(values(info, "pa-needed"));
        assertThat(DOC).containsAll(values(info, "doc-needed"));
        assertThat(PURPOSE).containsAll(values(info, "doc-purpose"));
        assertThat(INFO).containsAll(values(info, "info-needed"));
        boolean reason = countRaw(info, "reason") > 0;
        if (countRaw(info, "questionnaire") > 0) {
            assertThat(countRaw(info, "doc-needed")).as("crd-ci-q1").isPositive();
        }
        if (values(info, "covered").contains("not-covered")) {
            assertThat(countRaw(info, "pa-needed")).as("crd-ci-q2").isZero();
        }
        List<String> decisions = new ArrayList<>(values(info, "covered"));
        decisions.addAll(values(info, "pa-needed"));
        decisions.addAll(values(info, "doc-needed"));
        if (decisions.contains("conditional")) {
            assertThat(countRaw(info, "info-needed")).as("crd-ci-q3").isPositive();
        }
        if (values(info, "pa-needed").stream().anyMatch(Set.of("satisfied", "no-auth", "noauth", "not-covered")::contains)) {
            assertThat(values(info, "doc-purpose")).as("crd-ci-q4").doesNotContain("withpa");
        }
        assertThat(values(info, "pa-needed").contains("satisfied")).as("crd-ci-q5").isEqualTo(countRaw(info, "satisfied-pa-id") > 0);
        if (values(info, "info-needed").contains("OTH")) {
            assertThat(reason).as("crd-ci-q6").isTrue();
        }
        for (JsonNode part : info.path("extension")) {
            if ("reason".equals(part.path("url").asText())) {
                JsonNode concept = part.path("valueCodeableConcept");
                boolean fromValueSet = false;
                for (JsonNode coding : concept.path("coding")) {
                    fromValueSet |= CoverageInformation.REASON_SYSTEM.equals(coding.path("system").asText());
                }
                assertThat(concept.path("text").isTextual() || fromValueSet).as("crd-ci-q7").isTrue();
            }
        }
        if (values(info, "doc-purpose").stream().anyMatch(v -> !v.equals("conditional"))) {
            assertThat(reason).as("crd-ci-q8").isTrue();
        }
        if (decisions.contains("indeterminate")) {
            assertThat(reason).as("crd-ci-q9").isTrue();
        }
    }
}
