package org.coverageengine.domain.port.in;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.port.out.KnowledgeSource;

/** Use case: replace what the engine knows with what the given sources say, all or nothing. */
public interface ImportKnowledge {

    /** What an import loaded. */
    record ImportSummary(String version, int policies, Map<CodeSystem, Integer> codesBySystem, List<String> completeness) {
        /** Copies the lists. */
        public ImportSummary {
            codesBySystem = Map.copyOf(codesBySystem);
            completeness = ImmutableList.copyOf(completeness);
        }
    }

    /**
     * Reads every source in order into a fresh snapshot and publishes it in one step. When any source fails,
     * its exception propagates and the knowledge in force stays exactly as it was.
     */
    ImportSummary replaceWith(List<KnowledgeSource> sources);
}
