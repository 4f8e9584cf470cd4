package org.coverageengine.domain.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.coverageengine.domain.port.in.ImportKnowledge;
import org.coverageengine.domain.port.out.KnowledgeDraft;
import org.coverageengine.domain.port.out.KnowledgeSource;
import org.coverageengine.domain.port.out.KnowledgeStore;

/**
 * Imports knowledge: fills a new draft of the store from the sources in order, seals it and publishes it in one
 * atomic step; a failing source leaves the knowledge in force untouched.
 */
public final class KnowledgePublisher implements ImportKnowledge {

    private final KnowledgeStore store;
    private final LoadedKnowledge loaded;
    private final AtomicLong generation = new AtomicLong();

    /** Creates the use case over the store it drafts in and the holder it publishes to. */
    public KnowledgePublisher(KnowledgeStore store, LoadedKnowledge loaded) {
        this.store = Objects.requireNonNull(store, "store");
        this.loaded = Objects.requireNonNull(loaded, "loaded");
    }

    @Override
    public ImportSummary replaceWith(List<KnowledgeSource> sources) {
        Knowledge next = assemble(store, sources, generation.incrementAndGet());
        loaded.replace(next);
        return summarise(next);
    }

    /** Builds a snapshot in the store without publishing it (for checks, batch runs and tests). */
    public static Knowledge assemble(KnowledgeStore store, List<KnowledgeSource> sources, long generation) {
        KnowledgeDraft draft = store.newDraft();
        List<String> names = new ArrayList<>(sources.size());
        for (KnowledgeSource source : sources) {
            source.contributeTo(draft);
            names.add(source.describe());
        }
        return draft.seal("#" + generation + " [" + String.join(" + ", names) + "]");
    }

    /** Summarises a snapshot. */
    public static ImportSummary summarise(Knowledge knowledge) {
        return new ImportSummary(knowledge.version(), knowledge.policies().all().size(), knowledge.catalog().countsBySystem(),
                knowledge.catalog().completeness());
    }
}
