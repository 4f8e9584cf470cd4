package org.coverageengine.domain.authoring;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.coverageengine.domain.determination.Outcome;

/**
 * What a change of pack does to sample requests: how many requests and lines were answered, every line whose
 * outcome differs between the older and the newer pack, and the requests an engine refused (id and reason).
 */
public record OutcomeChanges(int requests, int lines, List<Change> changes, List<String> refused) {

    /** Copies the lists. */
    public OutcomeChanges {
        changes = List.copyOf(changes);
        refused = List.copyOf(refused);
    }

    /** One line whose outcome changed: the request, the line's sequence and code, and both outcomes. */
    public record Change(String request, int line, String code, Outcome before, Outcome after) {

        /** "covered -> not-covered". */
        public String transition() {
            return before.code() + " -> " + after.code();
        }

        @Override
        public String toString() {
            return request + " line " + line + " (" + code + "): " + transition();
        }
    }

    /** How many lines made each transition, by transition. */
    public Map<String, Integer> byTransition() {
        Map<String, Integer> counts = new TreeMap<>();
        changes.forEach(c -> counts.merge(c.transition(), 1, Integer::sum));
        return counts;
    }
}
