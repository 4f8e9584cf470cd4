package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The worked example of docs/policy-pack.md (Medicare NCD 160.27, two versions): each version passes its own tests and
 * lints clean against the official code files, and the guide shows the real output of the commands it names.
 */
class ExamplePacksTest {

    private static final Path PACKS = Path.of("..", "docs", "examples", "packs");
    private static final Path GUIDE = Path.of("..", "docs", "policy-pack.md");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tens-clbp", "tens-clbp-revised"})
    @DisplayName("each version of the worked example passes its tests and lints with no finding, with and without the code files")
    void passesTestAndLint(String pack) {
        Path folder = PACKS.resolve(pack);
        Cli test = Cli.run("test", folder.toString());
        assertThat(test.exit()).as(test.out() + test.err()).isEqualTo(ExitCodes.OK);
        assertThat(test.out()).contains(" passed, 0 failed");

        Cli lint = Cli.run("lint", folder.toString());
        assertThat(lint.exit()).as(lint.out() + lint.err()).isEqualTo(ExitCodes.OK);
        assertThat(lint.out()).startsWith("pack tens-clbp: ").contains(" policy versions, 0 findings");

        Cli withCodes = Cli.run("lint", folder.toString(), "--codes", SharedData.external("icd10cm-fy2025/icd10cm-codes-2025.txt").toString(),
                "--codes", SharedData.external("hcpcs/2025-oct/HCPC2025_OCT_ANWEB.csv").toString());
        assertThat(withCodes.exit()).as(withCodes.out() + withCodes.err()).isEqualTo(ExitCodes.OK);
        assertThat(withCodes.out()).contains("0 findings");
    }

    @Test
    @DisplayName("the guide shows the real diff between the two versions over the sample claims")
    void guideShowsTheRealDiff() throws IOException {
        Cli diff = Cli.run("diff", PACKS.resolve("tens-clbp").toString(), PACKS.resolve("tens-clbp-revised").toString(),
                "--requests", PACKS.resolve("tens-clbp-claims.csv").toString());
        assertThat(diff.exit()).as(diff.out() + diff.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8)).contains(diff.out().strip());
    }
}
