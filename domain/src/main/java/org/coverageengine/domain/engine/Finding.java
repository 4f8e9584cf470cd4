package org.coverageengine.domain.engine;

import java.util.List;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.Outcome;

/** What one policy says about one line; {@code unitsBasis} says what the allowed units are per. */
record Finding(Outcome outcome, List<String> reasons, List<Citation> citations, List<Criterion> criteria, Integer allowedUnits,
        boolean priorAuthorization, String unitsBasis) {

    /** A finding without a unit limit's basis. */
    Finding(Outcome outcome, List<String> reasons, List<Citation> citations, List<Criterion> criteria, Integer allowedUnits,
            boolean priorAuthorization) {
        this(outcome, reasons, citations, criteria, allowedUnits, priorAuthorization, null);
    }
}
