package org.coverageengine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;
import org.coverageengine.adapter.csv.CodeFile;
import org.coverageengine.adapter.csv.CodeFileFormat;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;

/**
 * Each CMS/CDC importer on any bytes: an accepted file yields only entries whose code is well formed in the
 * layout's code system (it parses back to itself) with a validity period that is not inverted; a refused one stops
 * with an ImportException whose message starts with the file name and names a line.
 */
class CodeFileFuzzTest {

    static void parse(String name, byte[] input, CodeFileFormat format, Set<CodeSystem> systems) {
        CodeFile file;
        try {
            file = CodeFile.parse(name, input, format, ProgressListener.NONE);
        } catch (ImportException refused) {
            assertThat(refused.getMessage()).as("the error starts with the file name").startsWith(name);
            assertThat(refused.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.reason()).isNotBlank());
            return;
        }
        for (CodeEntry entry : file.entries()) {
            Code code = entry.code();
            assertThat(systems).as("system of %s", code).contains(code.system());
            assertThat(Code.of(code.system(), code.value())).as("a read code is in normal form").isEqualTo(code);
            if (entry.validity().start() != null && entry.validity().end() != null) {
                assertThat(entry.validity().start()).as("validity of %s", code).isBeforeOrEqualTo(entry.validity().end());
            }
        }
        file.completeness().ifPresent(declared -> assertThat(systems).contains(declared.system()));
    }

    @FuzzTest(maxDuration = "10m")
    void icdOrder(byte[] input) {
        parse("icd10cm-order-2025.txt", input, CodeFileFormat.ICD10CM_ORDER, Set.of(CodeSystem.ICD10CM));
    }

    @FuzzTest(maxDuration = "10m")
    void icdAddenda(byte[] input) {
        parse("icd10cm-order-addenda-2025.txt", input, CodeFileFormat.ICD10CM_ADDENDA, Set.of(CodeSystem.ICD10CM));
    }

    @FuzzTest(maxDuration = "10m")
    void hcpcs(byte[] input) {
        parse("HCPC2025_OCT_ANWEB.csv", input, CodeFileFormat.HCPCS_CSV, Set.of(CodeSystem.HCPCS));
    }

    @FuzzTest(maxDuration = "10m")
    void rvu(byte[] input) {
        parse("PPRRVU2025_Oct.csv", input, CodeFileFormat.PFS_RVU_CSV, Set.of(CodeSystem.CPT, CodeSystem.HCPCS));
    }

    @FuzzTest(maxDuration = "10m")
    void detected(byte[] input) {
        parse("codes-2025.txt", input, null, Set.of(CodeSystem.values()));
    }
}
