package org.coverageengine.adapter.csv;

import static org.coverageengine.adapter.csv.DefaultPack.DOS;
import static org.coverageengine.adapter.csv.DefaultPack.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The S-code and spinal decompression rules of seeds 000-002, as coverage-rules.md states them. */
class SCodeRulesTest {

    static Determination one(LineOfBusiness lob, Set<String> attested, String code) {
        return ask(DOS, lob, attested, code).determinations().get(0);
    }

    @ParameterizedTest(name = "S9090 under {0}: {1}")
    @CsvSource({
        "COMMERCIAL, EXPERIMENTAL",
        "MEDICARE, NOT_COVERED",
        "MEDICARE_ADVANTAGE, NO_POLICY",
        "WORKERS_COMPENSATION, CONDITIONAL",
        "AUTO, CONDITIONAL",
        "MEDICAID, NO_POLICY"})
    void spinalDecompressionByLineOfBusiness(LineOfBusiness lob, Outcome expected) {
        assertEquals(expected, one(lob, Set.of(), "S9090").outcome());
    }

    @Test
    @DisplayName("Medicare Advantage: limited coverage may exist under therapy codes")
    void medicareAdvantageNote() {
        assertTrue(one(LineOfBusiness.MEDICARE_ADVANTAGE, Set.of(), "S9090").explanation().contains("therapy codes"));
    }

    @ParameterizedTest(name = "S9090 under {0}: criteria and prior authorization")
    @ValueSource(strings = {"WORKERS_COMPENSATION", "AUTO"})
    void injuryRehabilitation(LineOfBusiness lob) {
        Determination d = one(lob, Set.of(), "S9090");
        assertTrue(d.priorAuthorizationRequired());
        assertEquals(Set.of("decompression-part-of-injury-rehab", "decompression-conservative-therapy-failed",
                "decompression-nerve-compression-documented", "decompression-physician-approved-plan"),
                d.criteria().stream().map(c -> c.code()).collect(java.util.stream.Collectors.toSet()));
        Determination attested = one(lob, Set.of("decompression-injury-rehabilitation"), "S9090");
        assertEquals(Outcome.COVERED, attested.outcome());
        assertTrue(attested.priorAuthorizationRequired(), "prior authorization is still required when covered");
    }

    @Test
    void spinalDecompressionCommercialIsNotPriorAuthorized() {
        assertFalse(one(LineOfBusiness.COMMERCIAL, Set.of(), "S9090").priorAuthorizationRequired());
    }

    @ParameterizedTest(name = "S9117 under {0}: {1}")
    @CsvSource({"COMMERCIAL, NO_POLICY", "MEDICARE, NOT_COVERED", "MEDICAID, NO_POLICY"})
    void backSchool(LineOfBusiness lob, Outcome expected) {
        Determination d = one(lob, Set.of(), "S9117");
        assertEquals(expected, d.outcome());
        if (lob != LineOfBusiness.MEDICARE) {
            assertTrue(d.explanation().contains("verify payer acceptance"), d.explanation());
        }
    }

    @ParameterizedTest(name = "{0} under Medicare is not covered")
    @ValueSource(strings = {"S9090", "S9117", "S3900", "S0020", "S9999"})
    void anySCodeUnderMedicare(String code) {
        assertEquals(Outcome.NOT_COVERED, one(LineOfBusiness.MEDICARE, Set.of(), code).outcome());
    }

    @ParameterizedTest(name = "{0} under Medicaid: verify payer acceptance")
    @ValueSource(strings = {"S9117", "S0020", "S9999"})
    void anySCodeUnderMedicaid(String code) {
        Determination d = one(LineOfBusiness.MEDICAID, Set.of(), code);
        assertEquals(Outcome.NO_POLICY, d.outcome());
        assertTrue(d.explanation().contains("verify payer acceptance"));
    }

    @Test
    @DisplayName("most restrictive wins: S3900 under Medicare is not covered, and policy 0509's word is kept")
    void mostRestrictiveWins() {
        Determination d = one(LineOfBusiness.MEDICARE, Set.of(), "S3900");
        assertEquals(Outcome.NOT_COVERED, d.outcome());
        assertTrue(d.citations().stream().anyMatch(c -> c.policyNumber().equals("0509")), "keeps every policy that spoke");
        assertTrue(d.citations().stream().anyMatch(c -> c.policyNumber().equals("scodes")));
    }
}
