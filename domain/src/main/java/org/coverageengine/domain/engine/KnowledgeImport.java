package org.coverageengine.domain.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.coverageengine.domain.knowledge.Knowledge;
import org.coverageengine.domain.knowledge.KnowledgeBuilder;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.coverageengine.domain.port.in.ImportKnowledge;
import org.coverageengine.domain.port.out.PolicySource;

/** Builds a new snapshot from sources and publishes it atomically; a failure leaves the current one untouched. */
public final class KnowledgeImport implements ImportKnowledge {

    private final LoadedKnowledge loaded;
    private final AtomicLong generation = new AtomicLong();

    /** Creates the use case over the holder it publishes to. */
    public KnowledgeImport(LoadedKnowledge loaded) {
        this.loaded = Objects.requireNonNull(loaded, "loaded");
    }

    @Override
    public ImportSummary replaceWith(List<PolicySource> sources) {
        Knowledge next = build(sources, generation.incrementAndGet());
        loaded.replace(next);
        return summarise(next);
    }

    /** Builds a snapshot without publishing it (for checks and tests). */
    public static Knowledge build(List<PolicySource> sources, long generation) {
        KnowledgeBuilder builder = new KnowledgeBuilder();
        List<String> names = new ArrayList<>(sources.size());
        for (PolicySource source : sources) {
            source.contributeTo(builder);
            names.add(source.describe());
        }
        return builder.build("#" + generation + " [" + String.join(" + ", names) + "]");
    }

    /** Summarises a snapshot. */
    public static ImportSummary summarise(Knowledge knowledge) {
        return new ImportSummary(knowledge.version(), knowledge.policies().all().size(), knowledge.catalog().countsBySystem(),
                knowledge.catalog().completeness());
    }
}
