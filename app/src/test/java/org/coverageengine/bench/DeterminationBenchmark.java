package org.coverageengine.bench;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.port.out.Knowledge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Domain throughput: one determination of a whole request (1, 5 or 50 lines) on the default pack with the full
 * ICD-10-CM catalog; {@code tableScale} makes every code list of policy 0509 10x or 100x longer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DeterminationBenchmark {

    @Param({"1", "5", "50"})
    public int lines;

    @Param({"1"})
    public int tableScale;

    private CoverageDeterminer engine;
    private CoverageRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        Knowledge knowledge = BenchmarkKnowledge.scaled(tableScale);
        engine = new CoverageDeterminer(() -> knowledge, Clock.systemUTC());
        List<List<String>> mix = BenchmarkRequests.ofSize(lines);
        requests = mix.stream().map(BenchmarkRequests::domain).toArray(CoverageRequest[]::new);
    }

    @Benchmark
    public CoverageDecision determine() {
        CoverageRequest request = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return engine.determine(request);
    }
}
