package org.coverageengine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.code.InvalidCodeException;

/** Code parsers: any text either becomes a code in a stable normal form, or is refused with a reason. */
class CodeParserFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void codeParsers(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (CodeSystem system : CodeSystem.values()) {
            try {
                Code code = Code.of(system, text);
                assertEquals(code, Code.of(system, code.value()), "normal form is stable");
                assertEquals(code, Code.of(system, code.compactValue()), "the compact form parses back");
                assertTrue(code.value().length() <= 8);
            } catch (InvalidCodeException e) {
                assertTrue(e.getMessage().contains("not a valid code"), e.getMessage());
            }
        }
        CodeText.procedure(text).tryParse();
        CodeText.inUnsupportedSystem(text, text).tryParse();
    }
}
