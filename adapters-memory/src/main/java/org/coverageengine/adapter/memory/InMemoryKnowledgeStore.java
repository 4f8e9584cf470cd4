package org.coverageengine.adapter.memory;

import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.port.out.KnowledgeStore;

/**
 * Keeps knowledge in the process's memory: catalogs answer by hash look-up and every snapshot is immutable, so any
 * number of requests read one while the next is drafted.
 */
public final class InMemoryKnowledgeStore implements KnowledgeStore {

    @Override
    public InMemoryKnowledgeDraft newDraft() {
        return new InMemoryKnowledgeDraft();
    }

    /**
     * A draft seeded with everything a snapshot of this store holds, to extend it (benchmarks grow the code tables
     * this way).
     *
     * @throws IllegalArgumentException when the snapshot was not made by an in-memory store
     */
    public InMemoryKnowledgeDraft draftFrom(Knowledge knowledge) {
        if (!(knowledge.catalog() instanceof InMemoryCodeCatalog catalog)) {
            throw new IllegalArgumentException("knowledge " + knowledge.version() + " is not held in memory");
        }
        InMemoryCodingEdits edits = knowledge.edits() instanceof InMemoryCodingEdits held ? held : InMemoryCodingEdits.none();
        return InMemoryKnowledgeDraft.from(catalog, knowledge.policies().all(), edits);
    }
}
