package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a biller sees on the terminal: honest look-up counts, one line per fact, short usage errors, the right policy pointers. */
class CliDefectsTest {

    private static final Pattern COUNT = Pattern.compile("^(\\d+) matches for 'spinal decompression'");

    /** 19 codes of the embedded pack speak of spinal decompression; two more (22110, 22114) say "without decompression". */
    @ParameterizedTest(name = "lookup --limit {0}")
    @ValueSource(ints = {3, 10, 50})
    void lookupCountsEveryMatchAndSkipsNegatedPhrases(int limit) {
        Cli cli = Cli.run("lookup", "--limit", String.valueOf(limit), "spinal", "decompression");

        List<String> lines = cli.out().lines().toList();
        Matcher count = COUNT.matcher(lines.get(0));
        assertThat(count.find()).as(lines.get(0)).isTrue();
        int matches = Integer.parseInt(count.group(1));
        assertThat(matches).isEqualTo(19);
        assertThat(lines).hasSize(1 + Math.min(limit, matches));
        assertThat(lines.get(1)).contains("S9090");
        assertThat(cli.out()).doesNotContain("22110").doesNotContain("without decompression");
        assertThat(lines.get(0)).contains(limit < matches ? "the first " + limit + " shown" : ":");
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of("bad date", new String[] {"evaluate", "--date", "10/03/2025", "--line", "95940"}, "--date must be YYYY-MM-DD"),
                Arguments.of("unknown option", new String[] {"evaluate", "--lines", "95940"}, "Unknown options: '--lines'"),
                Arguments.of("no lines", new String[] {"evaluate", "--date", "2025-03-10"}, "give either --line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void usageErrors(String name, String[] args, String message) {
        Cli cli = Cli.run(args);

        assertThat(cli.exit()).isEqualTo(ExitCodes.USAGE);
        List<String> lines = cli.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(0)).contains(message);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Run 'coverage-policy-engine evaluate --help' for more.");
        assertThat(lines).hasSizeLessThanOrEqualTo(4).noneMatch(l -> l.startsWith("Usage:"));
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("prior authorization said once", new String[] {"--lob", "workers-comp", "--line", "S9090:M51.16"}, "S9090",
                        "(?is).*prior authorization.*", 1),
                Arguments.of("a denied baseline line shows no allowed units", new String[] {"--line", "63047:M48.061", "--line", "95907:M48.061"},
                        "95907", "(?s).*95907\\s+1\\s+not-covered.*", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void lines(String name, String[] args, String code, String shape, int priorAuthLines) {
        String[] all = Stream.concat(Stream.of("evaluate", "--date", "2025-03-10"), Stream.of(args)).toArray(String[]::new);
        Cli cli = Cli.run(all);

        assertThat(cli.out()).matches(shape);
        long said = Pattern.compile("(?i)prior authorization (is )?required").matcher(cli.out()).results().count();
        assertThat(said).isLessThanOrEqualTo(priorAuthLines);
    }

    /** 0509 decides about IOM, baseline, VEP, NMB and SEMG lines only; its procedure groups are context. */
    static Stream<Arguments> lcdPointer() {
        return Stream.of(
                Arguments.of("medicare", "22630", false),
                Arguments.of("commercial", "22630", false),
                Arguments.of("medicare", "95940", true),
                Arguments.of("medicare", "95907", true));
    }

    @ParameterizedTest(name = "{1} under {0}: LCD pointer {2}")
    @MethodSource
    void lcdPointer(String lob, String code, boolean pointer) {
        Cli cli = Cli.run("evaluate", "--date", "2025-03-10", "--lob", lob, "--line", "61510:C71.1", "--line", code + ":C71.1");

        String line = cli.out().substring(cli.out().indexOf("\n2    " + code));
        assertThat(line.contains("Policy 0509")).as(line).isEqualTo(pointer);
        if (!pointer) {
            assertThat(line).contains("No loaded policy governs " + code);
        }
    }
}
