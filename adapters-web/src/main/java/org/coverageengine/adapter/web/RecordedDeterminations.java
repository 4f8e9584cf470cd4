package org.coverageengine.adapter.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Outcome;

/**
 * The determinations the engine recorded, as the /determinations pages read them: the app adapts the domain's record
 * port to this small interface, so the pages stay independent of how and where the record is kept.
 */
public interface RecordedDeterminations {

    /** One recorded exchange: when it was decided, how long deciding took, what was asked and what was answered. */
    record Entry(String id, Instant decidedAt, Duration decisionTime, CoverageRequest request, CoverageDecision decision) {
    }

    /** Which entries to find; a null field does not restrict. */
    record Query(String code, Outcome outcome, LocalDate from, LocalDate to) {

        /** No restriction. */
        public static final Query ALL = new Query(null, null, null, null);
    }

    /** The entries matching the query, newest first, at most limit of them. */
    List<Entry> find(Query query, int limit);

    /** One entry by its id. */
    Optional<Entry> byId(String id);
}
