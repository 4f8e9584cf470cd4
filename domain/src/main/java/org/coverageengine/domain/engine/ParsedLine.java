package org.coverageengine.domain.engine;

import java.util.List;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.determination.RequestedLine;

/**
 * A requested line after parsing: its code (null when malformed), whether the catalog flags it as an add-on, its
 * well-formed diagnoses, and what is invalid about it.
 */
record ParsedLine(RequestedLine line, Code code, boolean addOn, String display, List<Code> diagnoses, List<String> problems) {
}
