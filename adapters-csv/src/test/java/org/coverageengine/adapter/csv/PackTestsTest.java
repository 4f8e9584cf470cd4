package org.coverageengine.adapter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coverageengine.domain.authoring.CaseResult;
import org.coverageengine.domain.authoring.PackTestCase;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.engine.PackLinter;
import org.coverageengine.domain.engine.PackTestRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A pack's test cases as data (tests.csv): read, run through the engine, and their mistakes reported in place. */
class PackTestsTest {

    private static final String HEADER = "case,lines,line_of_business,date,attestations,expected,reason\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "policy-0509; lumbar laminectomy with IOM (rule 5); IOM add-on alone (rule 6)",
        "s-codes; spinal decompression under Medicare; back school under a commercial plan",
    })
    @DisplayName("each embedded pack ships the worked examples of its policy text as its tests, and every one passes")
    void embeddedPackPassesItsOwnTests(String packId, String someCase, String anotherCase) {
        List<PackTestCase> cases = embedded(packId).tests();
        assertThat(cases).extracting(PackTestCase::name).contains(someCase, anotherCase);
        List<CaseResult> results = new PackTestRunner(DefaultPack.ENGINE).run(cases);
        assertThat(results).allSatisfy(r -> assertThat(r.differences()).as(r.testCase().name()).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"policy-0509", "s-codes"})
    @DisplayName("each embedded pack lints with no finding")
    void embeddedPackLintsClean(String packId) {
        assertThat(new PackLinter().lint(embedded(packId).policies(), DefaultPack.KNOWLEDGE.catalog())).isEmpty();
    }

    private static CsvPolicyPack embedded(String packId) {
        return CsvPolicyPack.embedded().stream().filter(p -> p.id().equals(packId)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("a line is CODE[xUNITS][:DX,...]: units and every diagnosis reach the request")
    void lineNotation() {
        PackTestCase only = pack("two units,\"95940x2:C71.1,C71.2|61510\",medicare,2025-03-10,a|b,not-covered|no-policy,\n").tests().get(0);
        assertThat(only.request().lines().get(0).quantity()).isEqualTo(2);
        assertThat(only.request().lines().get(0).diagnoses()).extracting(d -> d.text()).containsExactly("C71.1", "C71.2");
        assertThat(only.request().attestedCriteria()).containsExactly("a", "b");
        assertThat(only.expected()).containsExactly(Outcome.NOT_COVERED, Outcome.NO_POLICY);
        assertThat(only.source()).isEqualTo("tests.csv:2");
    }

    @Test
    @DisplayName("a failing case names the line, what was expected, what came, and a missing reason fragment")
    void failureNamesWhatDiffered() {
        PackTestCase wrong = pack("wrong,61510:C71.1|95940:C71.1,commercial,2025-03-10,,no-policy|covered,no such words\n").tests().get(0);
        CaseResult result = new PackTestRunner(DefaultPack.ENGINE).run(List.of(wrong)).get(0);
        assertThat(result.passed()).isFalse();
        assertThat(result.differences()).anySatisfy(d -> assertThat(d).startsWith("line 2 (95940): expected covered, was conditional"))
                .anySatisfy(d -> assertThat(d).isEqualTo("no line's reason mentions 'no such words'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "outcome count differs; c,95940|61510,commercial,2025-03-10,,not-covered,; tests.csv:2:6: 2 lines but 1 expected outcomes",
        "unknown outcome; c,95940,commercial,2025-03-10,,refused,; tests.csv:2:6: unknown outcome 'refused'",
        "bad units; c,95940x0,commercial,2025-03-10,,not-covered,; tests.csv:2:2: line '95940x0': units after 'x' are a whole number",
        "unknown line of business; c,95940,tricare,2025-03-10,,not-covered,; tests.csv:2:3: unknown line of business 'tricare'",
        "bad date; c,95940,commercial,2025-02-30,,not-covered,; tests.csv:2:4: bad date '2025-02-30'",
        "missing date; c,95940,commercial,,,not-covered,; tests.csv:2:4: date: a date of service is required",
    })
    void mistakesAreReportedInPlace(String mistake, String row, String message) {
        assertThatThrownBy(() -> pack(row + "\n")).isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).problems()).anySatisfy(p -> assertThat(p.toString()).startsWith(message)));
    }

    @Test
    @DisplayName("every bad case is reported at once, not only the first")
    void everyProblemAtOnce() {
        assertThatThrownBy(() -> pack("a,95940,commercial,2025-02-30,,not-covered,\nb,95940,commercial,2025-03-10,,refused,\n"))
                .satisfies(e -> assertThat(((ImportException) e).problems()).hasSize(2));
    }

    private static CsvPolicyPack pack(String rows) {
        Map<String, byte[]> files = new LinkedHashMap<>(CsvPolicyPack.embeddedPackFiles(CsvPolicyPack.POLICY_0509_PACK));
        files.put("tests.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
        return CsvPolicyPack.fromFiles("my-pack", files);
    }
}
