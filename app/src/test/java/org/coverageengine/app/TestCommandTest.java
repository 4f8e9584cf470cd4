package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** test and import --check run a pack's own test cases and say which failed and how. */
class TestCommandTest {

    private static final Path ACME = Path.of("..", "docs", "examples", "acme-pt");

    @TempDir
    Path temp;

    @Test
    @DisplayName("test with no pack runs the worked examples of both embedded packs; all pass (exit 0)")
    void embeddedPackPasses() {
        int cases = CsvPolicyPack.embedded().stream().mapToInt(pack -> pack.tests().size()).sum();
        Cli cli = Cli.run("test");
        assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(CsvPolicyPack.embedded()).extracting(CsvPolicyPack::id).containsExactly("policy-0509", "s-codes");
        assertThat(CsvPolicyPack.embedded()).allSatisfy(pack -> assertThat(pack.tests()).isNotEmpty());
        assertThat(cli.out()).contains(cases + " cases, " + cases + " passed, 0 failed").doesNotContain("FAIL");
    }

    @Test
    @DisplayName("the documented example pack passes its tests")
    void examplePackPasses() {
        Cli cli = Cli.run("test", ACME.toString());
        assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("3 cases, 3 passed, 0 failed");
    }

    @Test
    @DisplayName("a failing case is named with its place and what differed (exit 3); import --check fails it too")
    void failingCaseIsNamed() throws IOException {
        Path pack = copy(ACME);
        Files.writeString(pack.resolve("tests.csv"), "case,lines,line_of_business,date,attestations,expected,reason\n"
                + "expects too much,97012:M54.50,commercial,2025-03-10,,covered,\n");

        Cli cli = Cli.run("test", pack.toString());
        assertThat(cli.exit()).isEqualTo(ExitCodes.INVALID_LINES);
        assertThat(cli.out()).contains("FAIL acme-pt tests.csv:2 'expects too much'", "line 1 (97012): expected covered, was conditional",
                "1 cases, 0 passed, 1 failed");

        Cli check = Cli.run("import", "--check", pack.toString());
        assertThat(check.exit()).isEqualTo(ExitCodes.INVALID_LINES);
        assertThat(check.out()).contains("FAIL acme-pt tests.csv:2 'expects too much'");
    }

    @Test
    @DisplayName("an unreadable tests.csv is reported in place (exit 4)")
    void unreadableTests() throws IOException {
        Path pack = copy(ACME);
        Files.writeString(pack.resolve("tests.csv"), "case,lines,line_of_business,date,attestations,expected,reason\n"
                + "bad,97012,commercial,2025-03-10,,refused,\n");

        Cli cli = Cli.run("test", pack.toString());
        assertThat(cli.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("tests.csv:2:6: unknown outcome 'refused'");
    }

    private Path copy(Path from) throws IOException {
        Path to = temp.resolve("acme-pt");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }
}
