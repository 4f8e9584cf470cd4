package org.coverageengine.adapter.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.edit.EditApplication;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.testing.SharedData;

/**
 * Test helper: the real NCCI excerpts (Medicare practitioner PTP v32.2 and MUE of 2026-07-01) plus a synthetic
 * indicator-1 MUE row, loaded once, and a compact way to ask questions with modifiers.
 */
final class NcciEdits {

    static final String PTP_EXCERPT = "ncci/ccipra-v322r0-f1.excerpt.txt";
    static final String MUE_EXCERPT = "ncci/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv";

    private NcciEdits() {
    }

    /**
     * The synthetic indicator-1 MUE row (the CMS excerpt has only indicators 2 and 3), written by the test into a
     * temporary file in the CMS layout and named like a CMS file of the same quarter, so the importer reads it as one.
     */
    static Path synthetic() {
        try {
            Path folder = Files.createTempDirectory("cpe-mue");
            folder.toFile().deleteOnExit();
            Path file = folder.resolve("MCR_MUE_PractitionerServices_Eff_07-01-2026.synthetic-line-edits.csv");
            Files.writeString(file, "\"Synthetic test rows for the engine's MUE line edits (not CMS data).\",,,\r\n"
                    + "\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\r\n"
                    + "97110,4,1 Line Edit,Clinical: Data\r\n", StandardCharsets.ISO_8859_1);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The excerpts and the synthetic row, read through the same path as --codes. */
    static Knowledge knowledge() {
        List<org.coverageengine.domain.port.out.KnowledgeSource> sources = CsvPolicyPack.embeddedWith(
                CodeFile.read(SharedData.external(PTP_EXCERPT), ProgressListener.NONE),
                CodeFile.read(SharedData.external(MUE_EXCERPT), ProgressListener.NONE),
                CodeFile.read(synthetic(), ProgressListener.NONE));
        return KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), sources, 1);
    }

    /** Lines written CODE[xUNITS][-MOD[-MOD...]], asked on the date for the line of business. */
    static CoverageDecision ask(Knowledge knowledge, EditApplication application, LocalDate date, LineOfBusiness lob, String... lines) {
        CoverageDeterminer engine = new CoverageDeterminer(() -> knowledge, Clock.fixed(Instant.parse("2026-08-01T12:00:00Z"), ZoneOffset.UTC),
                application);
        List<RequestedLine> requested = new ArrayList<>();
        int sequence = 1;
        for (String line : lines) {
            String[] parts = line.split("-");
            String code = parts[0];
            int units = 1;
            int x = code.indexOf('x');
            if (x > 0) {
                units = Integer.parseInt(code.substring(x + 1));
                code = code.substring(0, x);
            }
            List<String> modifiers = Arrays.asList(parts).subList(1, parts.length);
            requested.add(new RequestedLine(sequence++, CodeText.procedure(code), units, modifiers, List.of()));
        }
        return engine.determine(new CoverageRequest(date, lob, requested, Set.of()));
    }
}
