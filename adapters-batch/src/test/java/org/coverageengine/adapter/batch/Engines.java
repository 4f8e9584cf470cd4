package org.coverageengine.adapter.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;

/** Test fixtures: knowledge from the embedded packs (or pack files), an engine on a fixed clock, the claim files. */
final class Engines {

    static final Knowledge DEFAULT = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(), 1);
    static final Path CLAIMS = Path.of("src/test/resources/claims");

    private Engines() {
    }

    /** The embedded packs with the policy 0509 pack replaced by the given files. */
    static Knowledge knowledgeWith0509(Map<String, byte[]> packFiles) {
        return KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), List.of(CsvPolicyPack.fromFiles("test pack", packFiles),
                CsvPolicyPack.fromFiles("s-codes", CsvPolicyPack.embeddedPackFiles(CsvPolicyPack.S_CODES_PACK))), 1);
    }

    static CoverageDeterminer engine(Knowledge knowledge) {
        return new CoverageDeterminer(() -> knowledge, Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC));
    }
}
