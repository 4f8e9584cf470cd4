package org.coverageengine.adapter.csv;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;

/** Test helper: the embedded packs loaded once, and a compact way to ask it questions. */
final class DefaultPack {

    static final LocalDate DOS = LocalDate.of(2025, 3, 10);
    static final Knowledge KNOWLEDGE = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(), 1);
    static final CoverageDeterminer ENGINE = new CoverageDeterminer(() -> KNOWLEDGE,
            Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC));

    private DefaultPack() {
    }

    /** Lines written as in the CLI: CODE[xUNITS][:DX[,DX...]]. */
    static CoverageDecision ask(LocalDate date, LineOfBusiness lob, Set<String> attested, String... lines) {
        List<RequestedLine> requested = new ArrayList<>();
        int sequence = 1;
        for (String line : lines) {
            String[] parts = line.split(":", 2);
            String code = parts[0];
            int units = 1;
            int x = code.indexOf('x');
            if (x > 0) {
                units = Integer.parseInt(code.substring(x + 1));
                code = code.substring(0, x);
            }
            List<CodeText> dx = new ArrayList<>();
            if (parts.length > 1 && !parts[1].isEmpty()) {
                for (String d : parts[1].split(",")) {
                    dx.add(CodeText.diagnosis(d));
                }
            }
            requested.add(new RequestedLine(sequence++, CodeText.procedure(code), units, List.of(), dx));
        }
        return ENGINE.determine(new CoverageRequest(date, lob, requested, attested));
    }

    static CoverageDecision ask(String... lines) {
        return ask(DOS, LineOfBusiness.COMMERCIAL, Set.of(), lines);
    }

    static Determination line(CoverageDecision decision, String code) {
        return decision.determinations().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no determination for " + code));
    }
}
