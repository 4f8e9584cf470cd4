package org.coverageengine.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.EncodingEnum;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.coverageengine.adapter.fhir.FhirExchange;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.knowledge.Knowledge;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
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
 * The FHIR path against the HAPI floor, on the same JSON requests: {@code fullPath} parses, maps, determines, maps
 * back and encodes; {@code haPiFloor} only parses the request and encodes the same response (precomputed).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FhirPathBenchmark {

    @Param({"1", "5", "50"})
    public int lines;

    private FhirExchange exchange;
    private IParser parser;
    private String[] bodies;
    private CoverageEligibilityResponse[] answers;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        Knowledge knowledge = BenchmarkKnowledge.withFullIcd();
        FhirContext context = FhirContext.forR4Cached();
        exchange = new FhirExchange(context, FhirSettings.DEFAULTS, new CoverageDeterminer(() -> knowledge, Clock.systemUTC()),
                new PolicyDirectory(() -> knowledge));
        parser = context.newJsonParser();
        List<List<String>> mix = BenchmarkRequests.ofSize(lines);
        bodies = mix.stream().map(BenchmarkRequests::fhirJson).toArray(String[]::new);
        answers = new CoverageEligibilityResponse[bodies.length];
        for (int i = 0; i < bodies.length; i++) {
            answers[i] = exchange.answer(bodies[i], EncodingEnum.JSON);
        }
    }

    private int advance() {
        int current = next;
        next = next + 1 == bodies.length ? 0 : next + 1;
        return current;
    }

    @Benchmark
    public String fullPath() {
        return parser.encodeResourceToString(exchange.answer(bodies[advance()], EncodingEnum.JSON));
    }

    @Benchmark
    public String hapiFloor() {
        int i = advance();
        CoverageEligibilityRequest parsed = parser.parseResource(CoverageEligibilityRequest.class, bodies[i]);
        return parsed.getIdElement().getIdPart() + parser.encodeResourceToString(answers[i]);
    }
}
