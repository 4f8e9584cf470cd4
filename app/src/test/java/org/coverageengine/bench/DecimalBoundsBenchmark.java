package org.coverageengine.bench;

import ca.uhn.fhir.rest.api.EncodingEnum;
import java.util.concurrent.TimeUnit;
import org.coverageengine.adapter.fhir.DecimalBounds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The number check every body passes before any parser: a body of decimals and strings (that mention a huge number
 * in text, which is not a number) of 256 KiB, 1 MiB and 4 MiB. Linear means the time per MiB stays flat.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DecimalBoundsBenchmark {

    @Param({"256", "1024", "4096"})
    public int kib;

    String body;

    @Setup
    public void body() {
        StringBuilder json = new StringBuilder("[");
        while (json.length() < kib * 1024) {
            json.append("0.12345678901234567,\"text with \\\"quotes\\\" 1e999999\",");
        }
        body = json.append("1]").toString();
    }

    @Benchmark
    public String check() {
        DecimalBounds.check(body, EncodingEnum.JSON);
        return body;
    }
}
