package org.coverageengine.adapter.web;

import java.util.List;

/**
 * What is loaded and what failed to load, for the policies page: the version in force, one line per loaded source
 * fact (policies, code counts, complete code sets), and the problems of the last refused reload, if any.
 */
public record KnowledgeStatus(String version, List<String> loaded, List<String> problems) {

    /** Copies the lists. */
    public KnowledgeStatus {
        loaded = List.copyOf(loaded);
        problems = List.copyOf(problems);
    }
}
