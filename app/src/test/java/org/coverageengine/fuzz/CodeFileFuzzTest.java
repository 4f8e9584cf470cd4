package org.coverageengine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.coverageengine.adapter.csv.CodeFile;
import org.coverageengine.adapter.csv.CodeFileFormat;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.ProgressListener;

/** Each CMS/CDC importer: any bytes either import or stop with an ImportException naming file, line and column. */
class CodeFileFuzzTest {

    static void parse(String name, byte[] input, CodeFileFormat format) {
        try {
            CodeFile.parse(name, input, format, ProgressListener.NONE);
        } catch (ImportException expected) {
            if (!expected.getMessage().startsWith(name)) {
                throw new AssertionError("the error must start with the file name", expected);
            }
        }
    }

    @FuzzTest(maxDuration = "10m")
    void icdOrder(byte[] input) {
        parse("icd10cm-order-2025.txt", input, CodeFileFormat.ICD10CM_ORDER);
    }

    @FuzzTest(maxDuration = "10m")
    void icdAddenda(byte[] input) {
        parse("icd10cm-order-addenda-2025.txt", input, CodeFileFormat.ICD10CM_ADDENDA);
    }

    @FuzzTest(maxDuration = "10m")
    void hcpcs(byte[] input) {
        parse("HCPC2025_OCT_ANWEB.csv", input, CodeFileFormat.HCPCS_CSV);
    }

    @FuzzTest(maxDuration = "10m")
    void rvu(byte[] input) {
        parse("PPRRVU2025_Oct.csv", input, CodeFileFormat.PFS_RVU_CSV);
    }

    @FuzzTest(maxDuration = "10m")
    void detected(byte[] input) {
        parse("codes-2025.txt", input, null);
    }
}
