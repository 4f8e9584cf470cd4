package org.coverageengine.domain.engine;

import java.util.List;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.Outcome;

/** What one NCCI edit says about one line: an outcome, why, the edit cited, and the units an MUE allows. */
record EditFinding(Outcome outcome, String reason, Citation citation, Integer allowedUnits) {
}
