package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NCCI tables on the command line: import --check of the CMS files, evaluate with modifiers, which lines of business get the tables. */
class NcciCommandTest {

    private static String ptp() {
        return SharedData.external("ncci/ccipra-v322r0-f1.excerpt.txt").toString();
    }

    private static String mue() {
        return SharedData.external("ncci/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv").toString();
    }

    @Test
    void importCheckNamesTheTableAndCountsItsEdits() {
        Cli ptp = Cli.run("import", "--check", ptp());
        assertThat(ptp.exit()).as(ptp.err()).isZero();
        assertThat(ptp.out()).contains("OK: CMS NCCI PTP edit file", "table: Medicare practitioner PTP table, quarter from 2026-07-01", "edits: 154");
        Cli mue = Cli.run("import", "--check", mue());
        assertThat(mue.out()).contains("OK: CMS NCCI MUE file (CSV)", "Medicare practitioner MUE table, quarter from 2026-07-01", "edits: 44");
    }

    @Test
    void importCheckTakesWhatTheFileNameDoesNotSayFromOptions(@TempDir Path dir) throws Exception {
        Path renamed = dir.resolve("edits.txt");
        Files.copy(Path.of(ptp()), renamed);
        Cli unnamed = Cli.run("import", "--check", renamed.toString());
        assertThat(unnamed.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unnamed.err()).contains("edits.txt", "--ncci-setting");
        Cli named = Cli.run("import", "--check", "--ncci-program", "medicaid", "--ncci-setting", "outpatient-hospital", "--ncci-quarter", "2026-04-01",
                renamed.toString());
        assertThat(named.out()).contains("Medicaid outpatient hospital PTP table, quarter from 2026-04-01 (edits.txt)");
    }

    @Test
    void importCheckStopsAtTheBadLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("ccipra-v322r0-f1.txt");
        Files.writeString(bad, Files.readString(Path.of(ptp()), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("0001A\t36591\t\t20220101\t20231231\t0", "0001A\t36591\t\t20220101\t20231231\t7"), java.nio.charset.StandardCharsets.ISO_8859_1);
        Cli cli = Cli.run("import", "--check", bad.toString());
        assertThat(cli.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("ccipra-v322r0-f1.txt:10:32: the modifier indicator must be 0, 1 or 9, was '7'").doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "medicare, '', bundled",
        "medicaid, '', no-policy",
        "commercial, '', no-policy",
        "commercial, 'commercial,medicaid', bundled",
        "medicaid, 'commercial,medicaid', bundled"})
    void evaluateAppliesMedicareTablesToOtherLinesOfBusinessOnlyWhenAsked(String lob, String applyTo, String outcome) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("evaluate", "--codes", ptp(), "--date", "2023-06-15", "--lob", lob,
                "--line", "0001A", "--line", "36591-59", "--json"));
        if (!applyTo.isEmpty()) {
            args.add("--ncci-apply-to");
            args.add(applyTo);
        }
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("\"outcome\":\"" + outcome + "\"");
    }

    @Test
    void evaluateShowsTheEditTheModifierAndTheMueUnits() {
        Cli cli = Cli.run("evaluate", "--codes", ptp(), "--codes", mue(), "--date", "2026-08-01", "--lob", "medicare",
                "--line", "0001U", "--line", "0030Ux2-59");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("0030U-59\\s+2\\s+not-covered").contains("NCCI MUE for 0030U", "NCCI PTP edit 0001U/0030U", "modifier 59 on line 2");
    }

    @Test
    void anUnknownSettingIsAUsageError() {
        Cli cli = Cli.run("evaluate", "--ncci-setting", "ward", "--line", "95940");
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("unknown --ncci-setting 'ward'");
    }

    @Test
    void lookupListsThePtpEditsNamingACodeOnEitherSide() {
        Cli column2 = Cli.run("lookup", "--codes", ptp(), "36591");
        assertThat(column2.exit()).as(column2.err()).isZero();
        assertThat(column2.out()).contains("36591 (not in the loaded catalog)", "NCCI PTP edits naming 36591:",
                "Medicare practitioner PTP table, quarter from 2026-07-01 (ccipra-v322r0-f1.excerpt.txt): 2 edits",
                "0001A/36591  36591 is column 2, 2022-01-01 to 2023-12-31, modifier indicator 0 (no modifier allowed)",
                "0001M/36591  36591 is column 2, 2015-10-01 to 2015-10-01, modifier indicator 9 (not applicable)");
        Cli bounded = Cli.run("lookup", "--codes", ptp(), "--limit", "3", "0001A");
        assertThat(bounded.out()).contains("62 edits (the first 3 shown; --limit N for more)", "0001A/0591T  0001A is column 1, 2022-01-01 to 2023-12-31");
        assertThat(bounded.out().lines().filter(l -> l.contains("0001A is column 1"))).hasSize(3);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "0001A, 36591-59, '2    36591-59 1     bundled ', indicator 0: 59 does not bypass the edit",
        "0001A, 96160-59, '2    96160-59 1     no-policy ', indicator 1: 59 bypasses it",
        "0001A-25-GA, 99213-59, '2    99213-59    1     bundled ', 59 does not count on an E/M code"})
    void evaluateShowsEachLinesModifiersBesideItsCode(String first, String second, String row, String why) {
        Cli cli = Cli.run("evaluate", "--codes", ptp(), "--date", "2023-06-15", "--lob", "medicare", "--line", first, "--line", second);
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).as(why).contains(row).contains("\n1    " + first + " ");
    }
}
