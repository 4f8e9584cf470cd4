package org.coverageengine.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.coverageengine.adapter.csv.CodeFile;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.PatientFacts;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.determination.Sex;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
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
 * The cost of the rule language: whole requests of 5 or 50 lines in the old policy 0509 shapes on the embedded packs
 * ({@code 0509}), the same with a pack of the richer constructs loaded beside them ({@code 0509+rich-pack}), and
 * requests that exercise those constructs ({@code rich}: code ranges and prefixes, age, sex, place of service and
 * modifier conditions, diagnosis conditions, a follow, and unit limits per code and per group across lines), all on
 * the full ICD-10-CM catalog. Per-line cost is the score divided by {@code lines}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RuleLanguageBenchmark {

    @Param({"0509", "0509+rich-pack", "rich"})
    public String mix;

    @Param({"5", "50"})
    public int lines;

    private CoverageDeterminer engine;
    private CoverageRequest[] requests;
    private int next;

    /** 5-line requests on the richer pack: each reaches a different branch of its statements. */
    static final List<Rich> RICH_FIVE = List.of(
            new Rich(new PatientFacts("Patient/1", null, 60, Sex.MALE), "22",
                    List.of("63047:M48.061", "63047:M48.061", "95860:M48.061", "95861:M48.061", "97110x5:M54.50")),
            new Rich(new PatientFacts("Patient/2", null, 45, Sex.FEMALE), "19",
                    List.of("22551:C41.2", "22558:C41.2", "95860:C41.2", "95870x2:C41.2", "97140:M54.41")),
            new Rich(new PatientFacts("Patient/3", null, 12, Sex.FEMALE), "11",
                    List.of("63030:M54.41", "63047-22:M48.062", "95864:M54.41", "97012x3:M54.59", "97110:C71.1,M54.50")),
            new Rich(PatientFacts.UNKNOWN, null,
                    List.of("63047:M48.061", "22612:M48.02", "95863:M48.061", "95860:M48.061", "97140x2:M54.50")));

    record Rich(PatientFacts patient, String place, List<String> lines) {
    }

    @Setup(Level.Trial)
    public void load() throws URISyntaxException {
        CsvPolicyPack rich = CsvPolicyPack.fromDirectory(Path.of(getClass().getClassLoader().getResource("bench/rich-rules").toURI()));
        CodeFile icd = CodeFile.read(BenchmarkKnowledge.external("icd10cm-fy2025/icd10cm-order-2025.txt"), ProgressListener.NONE);
        Knowledge knowledge = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(),
                "0509".equals(mix) ? CsvPolicyPack.embeddedWith(icd) : CsvPolicyPack.embeddedWith(rich, icd), 1);
        engine = new CoverageDeterminer(() -> knowledge, Clock.systemUTC());
        if ("rich".equals(mix)) {
            List<CoverageRequest> built = new ArrayList<>();
            for (Rich shape : RICH_FIVE) {
                List<String> spec = new ArrayList<>();
                for (int i = 0; i < lines / 5; i++) {
                    spec.addAll(shape.lines());
                }
                built.add(rich(shape, spec));
            }
            requests = built.toArray(CoverageRequest[]::new);
        } else {
            requests = BenchmarkRequests.ofSize(lines).stream().map(BenchmarkRequests::domain).toArray(CoverageRequest[]::new);
        }
    }

    /** Lines are "CODE[-MODIFIER][xUNITS]:DX[,DX...]". */
    private static CoverageRequest rich(Rich shape, List<String> spec) {
        List<RequestedLine> requested = new ArrayList<>();
        for (String line : spec) {
            String[] codeAndDx = line.split(":", 2);
            String[] codeAndUnits = codeAndDx[0].split("x");
            String[] codeAndModifier = codeAndUnits[0].split("-");
            List<CodeText> dx = new ArrayList<>();
            for (String d : codeAndDx[1].split(",")) {
                dx.add(CodeText.diagnosis(d));
            }
            requested.add(new RequestedLine(requested.size() + 1, CodeText.procedure(codeAndModifier[0]),
                    codeAndUnits.length > 1 ? Integer.parseInt(codeAndUnits[1]) : 1,
                    codeAndModifier.length > 1 ? List.of(codeAndModifier[1]) : List.of(), dx));
        }
        return new CoverageRequest(LocalDate.of(2025, 3, 10), LineOfBusiness.COMMERCIAL, requested, Set.of(), shape.patient(), shape.place());
    }

    @Benchmark
    public CoverageDecision determine() {
        CoverageRequest request = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return engine.determine(request);
    }
}
