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

    @Test
    @DisplayName("diff --requests lists exactly the lines whose outcome a known change moves, with the counts")
    void diffOverSampleRequests() throws IOException {
        Path newer = copy(ACME, "requests");
        Files.writeString(newer.resolve("statements.csv"), Files.readString(newer.resolve("statements.csv"))
                .replace("has(HOME_DEVICE),decide,not-covered", "has(HOME_DEVICE),decide,experimental"));
        Path claims = Files.writeString(temp.resolve("claims.csv"), """
                claim_id,line,date_of_service,line_of_business,code,modifiers,units,diagnoses
                A,1,2025-03-10,commercial,97012,,1,M54.50
                A,2,2025-03-10,commercial,E0830,,1,M54.50
                B,1,2025-03-10,commercial,97012,,1,M54.50
                C,1,2025-03-10,medicare,97012,,1,M54.50
                C,2,2025-03-10,medicare,E0830,,1,M54.50
                """);

        Cli cli = Cli.run("diff", ACME.toString(), newer.toString(), "--requests", claims.toString());

        assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("sample requests (claims.csv): 3 claims, 5 lines, 1 change outcome\n"
                + "  claim A line 1 (97012): not-covered -> experimental\n"
                + "By transition:\n"
                + "         1  not-covered -> experimental\n");
    }

    @Test
    @DisplayName("diff --requests names a refused record and exits 3; an unreadable file exits 4")
    void diffOverBadSampleRequests() throws IOException {
        Path claims = Files.writeString(temp.resolve("bad.csv"), """
                claim_id,line,date_of_service,line_of_business,code,modifiers,units,diagnoses
                A,1,2025-03-10,commercial,97012,,0,M54.50
                B,1,2025-03-10,commercial,97012,,1,M54.50
                """);

        Cli refused = Cli.run("diff", ACME.toString(), ACME.toString(), "--requests", claims.toString());
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.INVALID_LINES);
        assertThat(refused.out()).contains("1 claims, 1 lines, 0 change outcome, 1 refused");
        assertThat(refused.err()).contains("bad.csv:2:").contains("units");

        Cli missing = Cli.run("diff", ACME.toString(), ACME.toString(), "--requests", temp.resolve("none.csv").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("none.csv").doesNotContain("Exception");
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
