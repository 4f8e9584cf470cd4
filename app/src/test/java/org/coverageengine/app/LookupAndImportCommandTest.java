package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.domain.code.CodePatternFacts;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** lookup and import --check, as a policy author or biller would run them. */
class LookupAndImportCommandTest {

    @Test
    @DisplayName("lookup S9090 shows every fact of its reference page")
    void lookupS9090() {
        Cli cli = Cli.run("lookup", "S9090");
        assertEquals(0, cli.exit());
        for (String fact : new String[] {"Vertebral axial decompression", "Also known as:     spinal decompression, VAX-D, disc decompression",
            "In plain language: machine to stretch and decompress the spine", "Clinical context:", "Neurosurgery, Orthopedics, Pain Management",
            "RVU:", "Billing note:", "Effective:         2000-01-01", "Policy spinal-decompression", "Policy scodes"}) {
            assertTrue(cli.out().contains(fact), fact + " in\n" + cli.out());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "S9090 (its own RVU note, the pattern's billing note); S9090; ",
        "S9117 (its own RVU note, the pattern's billing note); S9117; ",
        "S0020, known only from the HCPCS file (both facts from the pattern); S0020; hcpcs/2025-oct/HCPC2025_OCT_ANWEB.csv",
    })
    @DisplayName("the S-code facts come from the s-codes pack's codes.csv pattern row (HCPCS,S*)")
    void sCodeFactsComeFromPackData(String name, String code, String hcpcsFile) {
        CodePatternFacts sCodes = CsvPolicyPack.embedded().stream().filter(p -> p.id().equals("s-codes")).findFirst().orElseThrow()
                .patternFacts().get(0);
        Cli cli = hcpcsFile == null ? Cli.run("lookup", code)
                : Cli.run("lookup", code, "--codes", SharedData.external(hcpcsFile).toString());
        String oneLine = cli.out().replaceAll("\\s+", " ");
        assertThat(sCodes.prefix()).isEqualTo("S");
        assertThat(oneLine).contains("Billing note: " + sCodes.billingNote()).contains("No physician work RVU assigned by CMS");
        if (hcpcsFile != null) {
            assertThat(oneLine).contains("RVU: " + sCodes.rvu().note());
        }
    }

    @Test
    void lookupS9117() {
        Cli cli = Cli.run("lookup", "s9117");
        assertTrue(cli.out().contains("back school class, spine education"), cli.out());
        assertTrue(cli.out().contains("Physical Therapy, Occupational Medicine, Orthopedics"));
    }

    @Test
    @DisplayName("lookup of an ICD code without its dot, with policy mentions")
    void lookupIcdWithoutDot() {
        Cli cli = Cli.run("lookup", "M48061");
        assertTrue(cli.out().contains("ICD-10-CM M48.061"), cli.out());
        assertTrue(cli.out().contains("0509 Intraoperative Monitoring"), cli.out());
    }

    @Test
    @DisplayName("lookup 95940 with the RVU file shows work RVU and add-on")
    void lookupWithRvu() {
        Cli cli = Cli.run("lookup", "--codes", SharedData.external("cms-pfs-rvu25d/PPRRVU2025_Oct.csv").toString(), "95940");
        assertTrue(cli.out().contains("work RVU 0.60 (CMS status A)"), cli.out());
        assertTrue(cli.out().contains("Add-on code:"), cli.out());
    }

    @Test
    @DisplayName("lookup \"spinal decompression\" finds S9090 first")
    void keyword() {
        Cli cli = Cli.run("lookup", "spinal", "decompression");
        assertEquals(0, cli.exit());
        assertTrue(cli.out().split("\n")[1].contains("S9090"), cli.out());
    }

    @Test
    void nothingFound() {
        assertEquals(1, Cli.run("lookup", "xylophone", "repair").exit());
    }

    @ParameterizedTest(name = "import --check {0}")
    @CsvSource({"icd10cm-fy2025/icd10cm-order-2025.txt, records: 97584, declares complete: ICD-10-CM FY2025",
        "hcpcs/2025-oct/HCPC2025_OCT_ANWEB.csv, records: 8463, HCPCS Level II 2025",
        "cms-pfs-rvu25d/PPRRVU2025_Oct.csv, CMS physician fee schedule RVU file, billable",
        "icd10cm-fy2025/icd10cm-order-addenda-2025.txt, addenda, records"})
    void checkCodeFiles(String file, String expected1, String expected2) {
        Cli cli = Cli.run("import", "--check", SharedData.external(file).toString());
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().contains(expected1) && cli.out().contains(expected2), cli.out());
    }

    @Test
    void checkWithExplicitFormat() {
        Cli cli = Cli.run("import", "--check", "--format", "icd10cm-codes",
                SharedData.external("icd10cm-fy2025/icd10cm-codes-2025.txt").toString());
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().contains("records: 74260"), cli.out());
    }

    @Test
    @DisplayName("a bad file: exit 4 with file, line and column")
    void checkBadFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("icd10cm-order-2025.txt");
        Files.writeString(file, "00001 A00     0 Cholera\n00002 A000    7 Cholera due to Vibrio cholerae\n");
        Cli cli = Cli.run("import", "--check", file.toString());
        assertEquals(4, cli.exit());
        assertTrue(cli.err().contains("icd10cm-order-2025.txt:2:15:"), cli.err());
    }

    @Test
    @DisplayName("a pack folder: counts when good, line and column when not")
    void checkPack(@TempDir Path dir) throws Exception {
        Path pack = Files.createDirectories(dir.resolve("pack"));
        Files.writeString(pack.resolve("pack.csv"), "pack_id,version,title\nexample,1,Example\n");
        Files.writeString(pack.resolve("policies.csv"),
                "policy,title,payer,effective,next_review,lines_of_business,ancillary_groups,url,related\n"
                        + "EX-1,Example,Payer,2025-01-01,,commercial,,https://example.org/ex-1,\n");
        Files.writeString(pack.resolve("groups.csv"), "policy,group,title,section,pattern_system,pattern_prefix\nEX-1,G,Group,Section 1,,\n");
        Files.writeString(pack.resolve("group_codes.csv"), "policy,group,system,code,effective,termination,description\nEX-1,G,CPT,97012,,,Traction\n");
        Files.writeString(pack.resolve("statements.csv"), "policy,order,id,section,line_groups,lines_of_business,when,effect,argument,reason\n"
                + "EX-1,10,S1,Section 1,G,,,decide,not-covered,Not covered.\n");
        Cli ok = Cli.run("import", "--check", pack.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("policy EX-1 Example: effective 2025-01-01, 1 code groups (1 codes), 1 statements"), ok.out());

        Files.writeString(pack.resolve("statements.csv"), "policy,order,id,section,line_groups,lines_of_business,when,effect,argument,reason\n"
                + "EX-1,10,S1,Section 1,G,,,deny,not-covered,Not covered.\n");
        Cli bad = Cli.run("import", "--check", pack.toString());
        assertEquals(4, bad.exit());
        assertTrue(bad.err().contains("statements.csv:2:8: unknown rule kind 'deny'"), bad.err());
    }

    @Test
    void checkNeedsTheFlag() {
        assertEquals(2, Cli.run("import", "somewhere").exit());
    }
}
