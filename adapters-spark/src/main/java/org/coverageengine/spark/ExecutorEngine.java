package org.coverageengine.spark;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.coverageengine.adapter.batch.BatchRun;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.port.out.KnowledgeSource;

/**
 * The engine of one executor JVM, built once per broadcast of pack bytes (the first task to need it builds it, the
 * others of the executor wait for it) and then shared by every task, since the determiner is thread-safe.
 */
final class ExecutorEngine {

    private static final Map<Long, BatchRun> BUILT = new ConcurrentHashMap<>();
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private ExecutorEngine() {
    }

    /** The run for this broadcast, building the knowledge from the embedded packs and the packs' files the first time. */
    static BatchRun forBroadcast(long id, List<Map<String, byte[]>> packs) {
        return BUILT.computeIfAbsent(id, key -> {
            Knowledge knowledge = build(packs);
            BUILDS.incrementAndGet();
            return new BatchRun(new CoverageDeterminer(() -> knowledge, Clock.systemUTC()), 1);
        });
    }

    /** How many times this JVM built knowledge. */
    static int builds() {
        return BUILDS.get();
    }

    private static Knowledge build(List<Map<String, byte[]>> packs) {
        List<KnowledgeSource> sources = new ArrayList<>();
        sources.addAll(CsvPolicyPack.embedded());
        for (int i = 0; i < packs.size(); i++) {
            sources.add(CsvPolicyPack.fromFiles("pack " + (i + 1) + " (broadcast)", packs.get(i)));
        }
        return KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), sources, 1);
    }
}
