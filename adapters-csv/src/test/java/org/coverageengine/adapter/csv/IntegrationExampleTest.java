package org.coverageengine.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.coverageengine.domain.port.out.KnowledgeStore;
import org.junit.jupiter.api.Test;

/** The example of docs/integrating.md, compiled and run; the test also checks the document shows this very code. */
class IntegrationExampleTest {

    // --- example: begin
    static CoverageDecision example() {
        // 1. Load the embedded packs (policy 0509; S-code facts and spinal decompression rules) into memory.
        KnowledgeStore store = new InMemoryKnowledgeStore();
        LoadedKnowledge knowledge = new LoadedKnowledge(store.empty());
        new KnowledgePublisher(store, knowledge).replaceWith(CsvPolicyPack.embeddedWith());
        CoverageDeterminer engine = new CoverageDeterminer(knowledge, Clock.systemUTC());

        // 2. Build a request: a craniotomy with IOM and a baseline SSEP, for a brain tumour, on 2025-03-10.
        CoverageRequest request = new CoverageRequest(LocalDate.of(2025, 3, 10), LineOfBusiness.COMMERCIAL, List.of(
                new RequestedLine(1, CodeText.procedure("61510"), 1, List.of(), List.of(CodeText.diagnosis("C71.1"))),
                new RequestedLine(2, CodeText.procedure("95940"), 4, List.of(), List.of(CodeText.diagnosis("C71.1"))),
                new RequestedLine(3, CodeText.procedure("95926"), 1, List.of(), List.of(CodeText.diagnosis("C71.1")))),
                Set.of());

        // 3. Read one determination per line: outcome, reasons, citations, criteria to document.
        CoverageDecision decision = engine.determine(request);
        for (Determination line : decision.determinations()) {
            System.out.println(line.sequence() + " " + line.code() + " " + line.outcome().code() + ": " + line.explanation());
            line.criteria().forEach(c -> System.out.println("    document: " + c.code() + " - " + c.text()));
        }
        return decision;
    }
    // --- example: end

    @Test
    void exampleRunsAndAnswers() {
        CoverageDecision decision = example();
        assertEquals(List.of(Outcome.NO_POLICY, Outcome.CONDITIONAL, Outcome.CONDITIONAL),
                decision.determinations().stream().map(Determination::outcome).toList());
        assertTrue(decision.determinations().get(1).criteria().size() >= 11);
    }

    @Test
    void documentShowsThisCode() throws IOException {
        Path doc = Paths.get("..", "docs", "integrating.md");
        Path self = Paths.get("src", "test", "java", "org", "coverageengine", "adapter", "csv", "IntegrationExampleTest.java");
        String source = Files.readString(self);
        String example = source.substring(source.indexOf("// --- example: begin") + "// --- example: begin".length(),
                source.indexOf("    // --- example: end")).strip();
        String normalised = Files.readString(doc).replaceAll("\\s+", " ");
        assertTrue(normalised.contains(example.replaceAll("\\s+", " ")), "docs/integrating.md must show the example as compiled here");
    }
}
