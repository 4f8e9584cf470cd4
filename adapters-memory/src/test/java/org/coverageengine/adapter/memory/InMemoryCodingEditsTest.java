package org.coverageengine.adapter.memory;

import org.coverageengine.domain.port.out.CodingEditsContract;
import org.coverageengine.domain.port.out.KnowledgeDraft;

/** The in-memory NCCI tables against the edits contract. */
class InMemoryCodingEditsTest extends CodingEditsContract {

    @Override
    protected KnowledgeDraft draft() {
        return new InMemoryKnowledgeStore().newDraft();
    }
}
