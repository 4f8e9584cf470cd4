package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint finds probable mistakes in packs (exit 3), diff names what changed between two packs. */
class LintDiffCommandTest {

    private static final Path ACME = Path.of("..", "docs", "examples", "acme-pt");

    @TempDir
    Path temp;

    @Test
    @DisplayName("both embedded packs and the documented example lint with no finding (exit 0)")
    void embeddedAndExampleAreClean() {
        Cli embedded = Cli.run("lint");
        assertThat(embedded.exit()).as(embedded.out() + embedded.err()).isEqualTo(ExitCodes.OK);
        for (CsvPolicyPack pack : CsvPolicyPack.embedded()) {
            assertThat(embedded.out()).contains("pack " + pack.id() + ": " + pack.policies().size() + " policy versions, 0 findings");
        }

        Cli example = Cli.run("lint", ACME.toString());
        assertThat(example.exit()).as(example.out() + example.err()).isEqualTo(ExitCodes.OK);
        assertThat(example.out()).contains("pack acme-pt: 1 policy versions, 0 findings");
    }

    @Test
    @DisplayName("an unused group and a shadowed statement are findings (exit 3)")
    void findings() throws IOException {
        Path pack = copy(ACME, "lint");
        Files.writeString(pack.resolve("groups.csv"), Files.readString(pack.resolve("groups.csv")) + "PT-100,SPARE,Never used,Coverage Policy,,\n");
        Files.writeString(pack.resolve("group_codes.csv"), Files.readString(pack.resolve("group_codes.csv"))
                + "PT-100,SPARE,CPT,97014,,,Electrical stimulation\n");
        Files.writeString(pack.resolve("statements.csv"), Files.readString(pack.resolve("statements.csv"))
                + "PT-100,40,TOO-LATE,Coverage Policy,TRACTION,,has(HOME_DEVICE),decide,experimental,Never reached.\n");

        Cli cli = Cli.run("lint", pack.toString());
        assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.INVALID_LINES);
        assertThat(cli.out()).contains("acme-pt: policy PT-100 (version 2025-01-01): unused-group: group SPARE",
                "shadowed: statement TOO-LATE can never decide: the earlier statement NO-HOME-DEVICE", "2 findings");
    }

    @Test
    @DisplayName("a code the official code set does not know is a finding, though the pack describes it itself")
    void unknownCode() throws IOException {
        Path codes = SharedData.external("icd10cm-fy2025/icd10cm-codes-2025.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(codes), "the FY2025 ICD-10-CM codes file is absent");
        Path pack = copy(ACME, "codes");
        // M54.5 was split into M54.50-M54.59 on 2021-10-01: FY2025 has no such billable code.
        Files.writeString(pack.resolve("group_codes.csv"), Files.readString(pack.resolve("group_codes.csv"))
                + "PT-100,LOW_BACK_DX,ICD-10-CM,M54.5,,,Low back pain\n");

        Cli cli = Cli.run("lint", pack.toString(), "--codes", codes.toString());
        assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.INVALID_LINES);
        assertThat(cli.out()).contains("unknown-code: M54.5 in group LOW_BACK_DX is unknown to the loaded ICD-10-CM code set on 2025-01-01",
                "1 findings");
    }

    @Test
    @DisplayName("diff names codes added per group and statements changed")
    void diff() throws IOException {
        Path newer = copy(ACME, "new");
        Files.writeString(newer.resolve("group_codes.csv"), Files.readString(newer.resolve("group_codes.csv"))
                + "PT-100,LOW_BACK_DX,ICD-10-CM,M54.17,,,\"Radiculopathy, lumbosacral region\"\n");
        Files.writeString(newer.resolve("statements.csv"), Files.readString(newer.resolve("statements.csv"))
                .replace("has(HOME_DEVICE),decide,not-covered", "has(HOME_DEVICE),decide,experimental"));

        Cli cli = Cli.run("diff", ACME.toString(), newer.toString());
        assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("2 differences", "policy PT-100: group LOW_BACK_DX: added M54.17",
                "policy PT-100: statement NO-HOME-DEVICE: changed effect decide not-covered -> decide experimental");
    }

    private Path copy(Path from, String name) throws IOException {
        Path to = temp.resolve(name);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }
}
