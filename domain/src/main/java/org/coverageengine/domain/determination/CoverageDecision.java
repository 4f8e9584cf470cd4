package org.coverageengine.domain.determination;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;

/**
 * The engine's answer to a request: one determination per line in request order, what was assumed
 * (date, line of business), notices, and the version of the loaded knowledge that produced it.
 */
public record CoverageDecision(String knowledgeVersion, LocalDate dateOfService, boolean dateOfServiceAssumed,
        LineOfBusiness lineOfBusiness, boolean lineOfBusinessAssumed, List<Determination> determinations,
        List<String> notices) {

    /** Copies the lists. */
    public CoverageDecision {
        determinations = ImmutableList.copyOf(determinations);
        notices = ImmutableList.copyOf(notices);
    }

    /** True when at least one line is invalid. */
    public boolean hasInvalidLines() {
        return determinations.stream().anyMatch(d -> d.outcome() == Outcome.INVALID);
    }
}
