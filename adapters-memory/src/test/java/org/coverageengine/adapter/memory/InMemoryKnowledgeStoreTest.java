package org.coverageengine.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.port.out.KnowledgeStore;
import org.coverageengine.domain.port.out.KnowledgeStoreContract;
import org.coverageengine.domain.testing.ListedPolicies;
import org.coverageengine.domain.testing.NoCodes;
import org.coverageengine.domain.testing.NoEdits;
import org.junit.jupiter.api.Test;
import java.util.List;

/** The in-memory store against the store contract, plus extending a snapshot it made. */
class InMemoryKnowledgeStoreTest extends KnowledgeStoreContract {

    @Override
    protected KnowledgeStore store() {
        return new InMemoryKnowledgeStore();
    }

    @Test
    void extendsOneOfItsSnapshotsWithoutChangingIt() {
        InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
        InMemoryKnowledgeDraft draft = store.newDraft();
        draft.addCode(CodeEntry.of(Code.cpt("95940"), "IOM", DateRange.ALWAYS, "a"));
        Knowledge base = draft.seal("base");
        Knowledge grown = store.draftFrom(base).addCode(CodeEntry.of(Code.cpt("95941"), "IOM remote", DateRange.ALWAYS, "b")).seal("grown");
        assertThat(grown.catalog().entries(Code.cpt("95940"))).hasSize(1);
        assertThat(grown.catalog().entries(Code.cpt("95941"))).hasSize(1);
        assertThat(base.catalog().entries(Code.cpt("95941"))).isEmpty();
    }

    @Test
    void refusesToExtendKnowledgeHeldElsewhere() {
        Knowledge elsewhere = new Knowledge("other", new NoCodes(), new ListedPolicies(List.of()), new NoEdits());
        assertThatThrownBy(() -> new InMemoryKnowledgeStore().draftFrom(elsewhere))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not held in memory");
    }
}
