package org.coverageengine.adapter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodePatternFacts;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.RvuFacts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * codes.csv rows about a pattern of codes ({@code HCPCS,S*}): the s-codes pack states the S-code facts (temporary
 * national codes for private payers; no physician work RVU) as such a row, and the catalog gives them to every S-code.
 */
class CodePatternRowsTest {

    private static final String HEADER = "system,code,short_description,long_description,synonyms,plain_language,clinical_context,"
            + "specialties,effective,termination,add_on,work_rvu,rvu_status,rvu_note,notes,billing_note\n";

    @Test
    @DisplayName("the s-codes pack states the S-code facts as one pattern row, not Java")
    void sCodesPackStatesThePattern() {
        CodePatternFacts facts = sCodesPack().patternFacts().get(0);
        assertThat(facts.system()).isEqualTo(CodeSystem.HCPCS);
        assertThat(facts.prefix()).isEqualTo("S");
        assertThat(facts.billingNote()).startsWith("S-codes are temporary national codes used by private payers (not Medicare)");
        assertThat(facts.rvu().note()).startsWith("No physician work RVU assigned by CMS");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "S9090 (curated: its own RVU note wins); S9090; reimbursement is based on fee schedules",
        "S9117 (curated: its own RVU note wins); S9117; reimbursement is based on fee schedules",
        "S3900 (policy 0509 pack's entry); S3900; reimbursement is based on fee schedules",
    })
    @DisplayName("every S-code of the embedded knowledge carries the pattern's billing note")
    void everySCodeCarriesTheNote(String name, String code, String rvuNote) {
        CodeEntry entry = DefaultPack.KNOWLEDGE.catalog().entries(Code.hcpcs(code)).get(0);
        assertThat(entry.billingNote()).contains(sCodesPack().patternFacts().get(0).billingNote());
        assertThat(entry.rvuFacts().map(RvuFacts::note).orElseThrow()).contains(rvuNote);
    }

    @Test
    @DisplayName("a code outside the pattern gets no S-code note")
    void otherCodesDoNot() {
        assertThat(DefaultPack.KNOWLEDGE.catalog().entries(Code.cpt("95940")).get(0).billingNote()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "a pattern with a description; HCPCS,S*,Some S-code,,,,,,,,,,,,,A note; codes.csv:2:2: the pattern S* may state only",
        "a pattern that states nothing; HCPCS,S*,,,,,,,,,,,,,,; codes.csv:2:2: a code pattern row states RVU facts or a billing note",
        "a malformed prefix; HCPCS,S-*,,,,,,,,,,,,,,A note; codes.csv:2:2: malformed prefix",
        "the same pattern twice; HCPCS,S*,,,,,,,,,,,,,,A note\\nHCPCS,s*,,,,,,,,,,,,,,Another; codes.csv:3:2: duplicate pattern S*",
    })
    @DisplayName("a mistaken pattern row is reported in place")
    void mistakesAreReportedInPlace(String mistake, String rows, String message) {
        Map<String, byte[]> files = new LinkedHashMap<>(CsvPolicyPack.embeddedPackFiles(CsvPolicyPack.S_CODES_PACK));
        files.put("codes.csv", (HEADER + rows.replace("\\n", "\n") + "\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CsvPolicyPack.fromFiles("my-pack", files)).isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).problems()).anySatisfy(p -> assertThat(p.toString()).startsWith(message)));
    }

    private static CsvPolicyPack sCodesPack() {
        return CsvPolicyPack.embedded().stream().filter(p -> p.id().equals("s-codes")).findFirst().orElseThrow();
    }
}
