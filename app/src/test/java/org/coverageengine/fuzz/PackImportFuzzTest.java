package org.coverageengine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.domain.engine.KnowledgePublisher;

/** The CSV pack importer: one file of the default pack replaced by fuzzed bytes either imports or stops with an ImportException. */
class PackImportFuzzTest {

    static final Map<String, byte[]> DEFAULT = CsvPolicyPack.defaultPackFiles();
    static final List<String> NAMES = List.copyOf(DEFAULT.keySet());

    @FuzzTest(maxDuration = "10m")
    void packFiles(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Map<String, byte[]> files = new LinkedHashMap<>(DEFAULT);
        byte[] content = java.util.Arrays.copyOfRange(input, 1, input.length);
        files.put(NAMES.get(Math.floorMod(input[0], NAMES.size())), content);
        try {
            CsvPolicyPack pack = CsvPolicyPack.fromFiles("fuzz", files);
            KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), List.of(pack), 1);
        } catch (ImportException expected) {
            if (expected.file() == null || expected.reason() == null) {
                throw new AssertionError("an import error must name its file and reason", expected);
            }
        }
    }
}
