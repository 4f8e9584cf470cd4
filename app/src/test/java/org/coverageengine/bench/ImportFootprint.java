package org.coverageengine.bench;

import java.util.List;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.adapter.csv.CodeFile;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;

/** Cold import time (first run in a fresh JVM, as at server start) and the heap the imported knowledge retains. */
public final class ImportFootprint {

    private ImportFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        long before = usedAfterGc();
        long start = System.nanoTime();
        Knowledge knowledge = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(
                CodeFile.read(BenchmarkKnowledge.external("icd10cm-fy2025/icd10cm-order-2025.txt"), ProgressListener.NONE),
                CodeFile.read(BenchmarkKnowledge.external("hcpcs/2025-oct/HCPC2025_OCT_ANWEB.csv"), ProgressListener.NONE),
                CodeFile.read(BenchmarkKnowledge.external("cms-pfs-rvu25d/PPRRVU2025_Oct.csv"), ProgressListener.NONE)), 1);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        System.out.printf("cold import (pack + ICD-10-CM order + HCPCS + RVU): %d ms%n", millis);
        System.out.printf("codes: %s%n", knowledge.catalog().countsBySystem());
        System.out.printf("retained heap of the snapshot: %.1f MiB%n", (after - before) / 1024.0 / 1024.0);
        knowledge.catalog().search("spinal decompression", 1);
        System.out.printf("retained heap with the keyword index built: %.1f MiB%n", (usedAfterGc() - before) / 1024.0 / 1024.0);
        System.out.println(knowledge.version().length() > 0 ? "" : "");
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
