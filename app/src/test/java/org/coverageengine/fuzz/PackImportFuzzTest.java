package org.coverageengine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.out.Knowledge;

/**
 * The CSV pack importer with one file of the default pack replaced by fuzzed bytes: a refused pack names a file of
 * the pack and a reason for every problem; an accepted pack is answerable: a request holding one procedure code of
 * every group of every policy, on each policy's effective date, gets exactly one determination per line, in order.
 */
class PackImportFuzzTest {

    static final Map<String, byte[]> DEFAULT = CsvPolicyPack.embeddedPackFiles(CsvPolicyPack.POLICY_0509_PACK);
    static final List<String> NAMES = List.copyOf(DEFAULT.keySet());

    @FuzzTest(maxDuration = "10m")
    void packFiles(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Map<String, byte[]> files = new LinkedHashMap<>(DEFAULT);
        files.put(NAMES.get(Math.floorMod(input[0], NAMES.size())), Arrays.copyOfRange(input, 1, input.length));
        Knowledge knowledge;
        try {
            knowledge = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), List.of(CsvPolicyPack.fromFiles("fuzz", files)), 1);
        } catch (ImportException refused) {
            assertThat(refused.problems()).isNotEmpty().allSatisfy(problem -> {
                assertThat(problem.file()).as("a problem names a file of the pack").isNotBlank();
                assertThat(problem.reason()).isNotBlank();
            });
            return;
        }
        CoverageDeterminer engine = new CoverageDeterminer(() -> knowledge, Clock.systemUTC());
        for (Policy policy : knowledge.policies().all()) {
            List<RequestedLine> lines = new ArrayList<>();
            policy.groups().values().forEach(group -> group.members().keySet().stream().filter(c -> c.system().isProcedure()).findFirst()
                    .ifPresent(code -> lines.add(new RequestedLine(lines.size() + 1, CodeText.procedure(code.value()), 1, List.of(),
                            List.of(CodeText.diagnosis("C71.1"))))));
            if (lines.isEmpty()) {
                continue;
            }
            CoverageDecision decision = engine.determine(new CoverageRequest(policy.effectiveDate(), LineOfBusiness.COMMERCIAL, lines,
                    java.util.Set.of()));
            assertThat(decision.determinations()).extracting(Determination::sequence)
                    .containsExactlyElementsOf(lines.stream().map(RequestedLine::sequence).toList());
            assertThat(decision.determinations()).allSatisfy(d -> assertThat(d.reasons()).isNotEmpty());
        }
    }
}
