package org.coverageengine.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.coverageengine.adapter.batch.BatchRun;
import org.coverageengine.adapter.batch.Claim;
import org.coverageengine.adapter.batch.ClaimAssembler;
import org.coverageengine.adapter.batch.ClaimGenerator;
import org.coverageengine.adapter.batch.ClaimLineSource;
import org.coverageengine.adapter.batch.ClaimRequests;
import org.coverageengine.adapter.batch.CsvClaimReader;
import org.coverageengine.adapter.batch.OutputDetail;
import org.coverageengine.adapter.batch.OutputFormat;
import org.coverageengine.adapter.batch.RowWriter;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.port.out.Knowledge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch's cost per line against the domain's on the same claims, in one sitting: {@code batch} reads a generated
 * CSV of {@value #LINES} lines from memory, decides it and writes NDJSON to a discarding sink; {@code domain} decides
 * the same claims' requests, built beforehand. Both report time per line.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
@OperationsPerInvocation(BatchBenchmark.LINES)
public class BatchBenchmark {

    static final int LINES = 20_000;

    @Param({"full", "compact"})
    public String detail;

    @Param({"1"})
    public int threads;

    private byte[] csv;
    private CoverageDeterminer engine;
    private CoverageRequest[] requests;
    private OutputDetail outputDetail;

    @Setup(Level.Trial)
    public void load() {
        Knowledge knowledge = BenchmarkKnowledge.withFullIcd();
        engine = new CoverageDeterminer(() -> knowledge, Clock.systemUTC());
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        new ClaimGenerator(knowledge, 20).writeCsv(LINES, generated);
        csv = generated.toByteArray();
        outputDetail = OutputDetail.named(detail).orElseThrow();
        List<CoverageRequest> built = new ArrayList<>();
        int lines = 0;
        try (ClaimLineSource source = source()) {
            ClaimAssembler claims = new ClaimAssembler(source);
            while (claims.hasNext()) {
                Claim claim = claims.next();
                if (!claim.errors().isEmpty()) {
                    throw new IllegalStateException("the generated claims must all be answered: " + claim.errors());
                }
                built.add(ClaimRequests.toRequest(claim));
                lines += claim.lines().size();
            }
        }
        if (lines != LINES) {
            throw new IllegalStateException(lines + " lines generated, expected " + LINES);
        }
        requests = built.toArray(CoverageRequest[]::new);
    }

    private ClaimLineSource source() {
        return CsvClaimReader.of("bench.csv", new ByteArrayInputStream(csv));
    }

    @Benchmark
    public long batch() {
        return batch(outputDetail);
    }

    /** One pass of the batch over the generated claims at the given detail; the lines answered. */
    long batch(OutputDetail detail) {
        try (ClaimLineSource source = source(); RowWriter out = OutputFormat.NDJSON.writerTo(OutputStream.nullOutputStream(), detail)) {
            return new BatchRun(engine, threads, detail).run(source, out, error -> { }, BatchRun.Progress.NONE).linesAnswered();
        }
    }

    /** The domain alone over the same claims (the detail does not apply); the lines decided. */
    @Benchmark
    public long domain() {
        long lines = 0;
        for (CoverageRequest request : requests) {
            lines += engine.determine(request).determinations().size();
        }
        return lines;
    }
}
