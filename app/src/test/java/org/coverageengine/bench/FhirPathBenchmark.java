package org.coverageengine.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.util.FhirTerser;
import java.lang.reflect.Field;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.FhirExchange;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.port.out.Knowledge;
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
 * The FHIR path against the HAPI floor, on the same JSON requests. {@code fullPath} parses, maps, determines, maps
 * back and encodes, with the server's FHIR context. {@code hapiFloor} only parses the request and encodes the same
 * response (precomputed), with HAPI's default options; {@code hapiFloorServerOptions} does the same with the
 * server's options (no search for resources to auto-contain), the strictest floor.
 *
 * <p>HAPI marks a resource once it has looked for resources to contain in it, and skips that walk when the same
 * object is encoded again. A server never encodes one response twice, so the floors clear that mark before each
 * encode; without this, the floor would leave out a sixth of what HAPI really spends on a new response.
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
    private IParser defaultsParser;
    private String[] bodies;
    private CoverageEligibilityResponse[] answers;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        Knowledge knowledge = BenchmarkKnowledge.withFullIcd();
        FhirContext context = CoverageFhirServer.fhirContext();
        defaultsParser = FhirContext.forR4Cached().newJsonParser();
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
        return floor(defaultsParser);
    }

    @Benchmark
    public String hapiFloorServerOptions() {
        return floor(parser);
    }

    private String floor(IParser hapi) {
        int i = advance();
        CoverageEligibilityRequest parsed = hapi.parseResource(CoverageEligibilityRequest.class, bodies[i]);
        answers[i].setUserData(CONTAINMENT_DONE, null);
        return parsed.getIdElement().getIdPart() + hapi.encodeResourceToString(answers[i]);
    }

    /** The user-data key under which HAPI's FhirTerser remembers that it looked for resources to contain. */
    static final String CONTAINMENT_DONE = containmentDoneKey();

    private static String containmentDoneKey() {
        try {
            Field key = FhirTerser.class.getDeclaredField("USER_DATA_KEY_CONTAIN_RESOURCES_COMPLETED");
            key.setAccessible(true);
            return (String) key.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("HAPI no longer has FhirTerser.USER_DATA_KEY_CONTAIN_RESOURCES_COMPLETED: re-check the floor", e);
        }
    }
}
