package org.coverageengine.domain.policy;

import java.time.LocalDate;

/** One entry of a policy's revision history. */
public record Revision(LocalDate date, String type, String summary) {
}
