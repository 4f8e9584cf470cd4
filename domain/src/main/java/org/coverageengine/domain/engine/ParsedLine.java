package org.coverageengine.domain.engine;

import java.util.List;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.determination.RequestedLine;

/** A requested line after parsing: its code (null when malformed), its well-formed diagnoses, and what is invalid. */
record ParsedLine(RequestedLine line, Code code, List<Code> diagnoses, List<String> problems) {

    boolean wellFormed() {
        return code != null;
    }
}
