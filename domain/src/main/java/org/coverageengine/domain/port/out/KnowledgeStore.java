package org.coverageengine.domain.port.out;

/** Where the engine's knowledge is kept: it opens empty drafts that the import use case fills from sources and seals. */
public interface KnowledgeStore {

    /** A new, empty draft. */
    KnowledgeDraft newDraft();

    /** Knowledge with no codes and no policies, to serve before the first import. */
    default Knowledge empty() {
        return newDraft().seal("empty");
    }
}
