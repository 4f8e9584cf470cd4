package org.coverageengine.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.adapter.csv.CodeFile;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Import speed: the default pack plus the full ICD-10-CM order file, the HCPCS CSV and the PFS RVU CSV, read into one snapshot. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class ImportBenchmark {

    @Benchmark
    public Knowledge importAllCodeFiles() {
        return KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(
                CodeFile.read(BenchmarkKnowledge.external("icd10cm-fy2025/icd10cm-order-2025.txt"), ProgressListener.NONE),
                CodeFile.read(BenchmarkKnowledge.external("hcpcs/2025-oct/HCPC2025_OCT_ANWEB.csv"), ProgressListener.NONE),
                CodeFile.read(BenchmarkKnowledge.external("cms-pfs-rvu25d/PPRRVU2025_Oct.csv"), ProgressListener.NONE)), 1);
    }
}
