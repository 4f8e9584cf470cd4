package org.coverageengine.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad pack stops with file, line, column and reason; good packs in awkward encodings still read. */
class PackErrorsTest {

    @TempDir
    Path folder;

    ImportException failing(String file, String from, String to) {
        PackFolder.copyOf0509Pack(folder);
        PackFolder.edit(folder, file, from, to);
        return assertThrows(ImportException.class, () -> CsvPolicyPack.fromDirectory(folder));
    }

    static void at(ImportException e, String file, int line, int column, String reasonPart) {
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
    }

    @Test
    void copyOf0509PackReadsCleanly() {
        PackFolder.copyOf0509Pack(folder);
        CsvPolicyPack pack = CsvPolicyPack.fromDirectory(folder);
        assertEquals(List.of("0509"), pack.policies().stream().map(p -> p.number()).toList());
    }

    @Test
    void wrongHeader() {
        at(failing("statements.csv", "policy,order,id", "policy,ordre,id"), "statements.csv", 1, 0, "missing column 'order'");
    }

    @Test
    void badDate() {
        at(failing("policies.csv", "2024-09-15,2025-09-15", "2024-09-31,2025-09-15"), "policies.csv", 2, 4, "bad date '2024-09-31'");
    }

    @Test
    void badDateFormat() {
        at(failing("group_codes.csv", "M51.36,,2024-09-30", "M51.36,,09/30/2024"), "group_codes.csv", 183, 6, "bad date: expected YYYY-MM-DD (was '09/30/2024')");
    }

    @Test
    void unknownRuleKind() {
        at(failing("statements.csv", ",decide,experimental,", ",forbid,experimental,"), "statements.csv", 2, 8, "unknown rule kind 'forbid'");
    }

    @Test
    void duplicateCode() {
        at(failing("group_codes.csv", "0509,IOM,CPT,95941,", "0509,IOM,CPT,95940,"), "group_codes.csv", 3, 4, "duplicate code 95940 in group IOM (first listed at line 2)");
    }

    @Test
    void unknownGroup() {
        at(failing("statements.csv", "has(PAIN),decide", "has(PAINS),decide"), "statements.csv", 6, 7, "unknown group 'PAINS'");
    }

    @Test
    void unknownGroupInCodes() {
        at(failing("group_codes.csv", "0509,VEP,CPT,95930", "0509,VEPP,CPT,95930"), "group_codes.csv", 50, 2, "unknown group 'VEPP'");
    }

    @Test
    void malformedCode() {
        at(failing("group_codes.csv", "0509,IOM,HCPCS,G0453", "0509,IOM,HCPCS,G045"), "group_codes.csv", 4, 4, "malformed code");
    }

    @Test
    void unknownCondition() {
        at(failing("statements.csv", "has-primary,decide", "has-surgery,decide"), "statements.csv", 3, 7, "unknown condition 'has-surgery'");
    }

    @Test
    void unknownOutcome() {
        at(failing("statements.csv", "decide,experimental", "decide,denied"), "statements.csv", 2, 9, "unknown outcome 'denied'");
    }

    @Test
    void unknownLineOfBusiness() {
        at(failing("policies.csv", "2025-09-15,commercial,", "2025-09-15,comercial,"), "policies.csv", 2, 6, "unknown line of business 'comercial'");
    }

    @Test
    void ambiguousPrecedence() {
        at(failing("statements.csv", "0509,20,", "0509,10,"), "statements.csv", 3, 2, "share order 10");
    }

    @Test
    void wrongFieldCount() {
        at(failing("groups.csv", "0509,VEP,Visual Evoked Potential (VEP),Coding Information: Visual Evoked Potential (VEP),,",
                "0509,VEP,Visual Evoked Potential (VEP),,"), "groups.csv", 5, 6, "expected 6 fields");
    }

    @Test
    void unterminatedQuote() {
        ImportException e = failing("revisions.csv", "0509,2024-09-15,Annual review,No clinical", "0509,2024-09-15,\"Annual review,No clinical");
        assertEquals("revisions.csv", e.file());
        assertTrue(e.reason().contains("malformed CSV"), e.getMessage());
    }

    @Test
    void nonUtf8() {
        PackFolder.copyOf0509Pack(folder);
        byte[] latin1 = PackFolder.read(folder, "codes.csv").replace("Surface emg", "Surface \u00e9mg")
                .getBytes(StandardCharsets.ISO_8859_1);
        PackFolder.write(folder, "codes.csv", latin1);
        ImportException e = assertThrows(ImportException.class, () -> CsvPolicyPack.fromDirectory(folder));
        at(e, "codes.csv", 2, 21, "not valid UTF-8");
    }

    @Test
    void emptyFile() {
        PackFolder.copyOf0509Pack(folder);
        PackFolder.write(folder, "groups.csv", "");
        at(assertThrows(ImportException.class, () -> CsvPolicyPack.fromDirectory(folder)), "groups.csv", 0, 0, "empty");
    }

    @Test
    void missingFile() {
        PackFolder.copyOf0509Pack(folder);
        PackFolder.write(folder, "statements.csv", "x");
        folder.resolve("statements.csv").toFile().delete();
        at(assertThrows(ImportException.class, () -> CsvPolicyPack.fromDirectory(folder)), "statements.csv", 0, 0, "missing file");
    }

    @Test
    @DisplayName("BOM, CRLF and quoted fields with commas, quotes and line breaks are read correctly")
    void bomCrlfAndQuotes() {
        PackFolder.copyOf0509Pack(folder);
        for (String name : PackFolder.FILES) {
            String text = PackFolder.read(folder, name).replace("\n", "\r\n");
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            PackFolder.write(folder, name, withBom);
        }
        PackFolder.edit(folder, "revisions.csv", "No clinical policy statement changes.", "\"No clinical \"\"policy\"\",\r\nstatement changes.\"");
        CsvPolicyPack pack = CsvPolicyPack.fromDirectory(folder);
        var policy = pack.policies().stream().filter(p -> p.number().equals("0509")).findFirst().orElseThrow();
        assertEquals("No clinical \"policy\",\r\nstatement changes.", policy.revisions().get(0).summary());
        assertEquals(530, policy.groups().get("LUMBAR_DX").size());
    }

    @Test
    @DisplayName("an import is atomic: a bad pack leaves the loaded knowledge and its answers unchanged")
    void atomicImport() {
        LoadedKnowledge loaded = new LoadedKnowledge(KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(), 0));
        KnowledgePublisher importer = new KnowledgePublisher(new InMemoryKnowledgeStore(), loaded);
        importer.replaceWith(CsvPolicyPack.embeddedWith());
        Knowledge before = loaded.get();
        CoverageDeterminer engine = new CoverageDeterminer(loaded, Clock.systemUTC());
        CoverageRequest request = CoverageRequest.of(LocalDate.of(2025, 3, 10), LineOfBusiness.COMMERCIAL,
                RequestedLine.of(1, "64483", "M54.16"), RequestedLine.of(2, "95940", "M54.16"));
        var answer = engine.determine(request);

        PackFolder.copyOf0509Pack(folder);
        PackFolder.edit(folder, "statements.csv", "has(PAIN),decide", "has(PAINS),decide");
        assertThrows(ImportException.class, () -> importer.replaceWith(CsvPolicyPack.embeddedWith(CsvPolicyPack.fromDirectory(folder))));
        Path bad = folder.resolve("truncated.txt");
        PackFolder.write(folder, "truncated.txt", "00001 A00     0 Cholera\n00002 A000    1 Ch\n00003 A0");
        assertThrows(ImportException.class, () -> importer.replaceWith(CsvPolicyPack.embeddedWith(
                CodeFile.read(bad, CodeFileFormat.ICD10CM_ORDER, ProgressListener.NONE))));

        assertSame(before, loaded.get(), "the knowledge in force is the same object");
        assertEquals(answer, engine.determine(request));
        assertEquals(Outcome.NOT_COVERED, answer.determinations().get(1).outcome());
    }
}
