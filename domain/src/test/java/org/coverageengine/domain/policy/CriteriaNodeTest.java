package org.coverageengine.domain.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ALL/ANY criteria trees as the IOM statement has them: (a), (b), (c) and any one indication of (d). */
class CriteriaNodeTest {

    static final CriteriaNode TREE = new CriteriaNode("root", "ALL of", CriteriaNode.Combinator.ALL, List.of(
            CriteriaNode.leaf("a", "performer"), CriteriaNode.leaf("b", "interpreter"), CriteriaNode.leaf("c", "real time"),
            new CriteriaNode("d", "significant risk", CriteriaNode.Combinator.ANY,
                    List.of(CriteriaNode.leaf("d1", "cranial nerve"), CriteriaNode.leaf("d2", "thyroid")))));

    @Test
    void allWithOneIndication() {
        assertTrue(TREE.metBy(Set.of("a", "b", "c", "d2")));
    }

    @Test
    void attestingTheAnyNodeItself() {
        assertTrue(TREE.metBy(Set.of("a", "b", "c", "d")));
    }

    @Test
    void missingOneRequired() {
        assertFalse(TREE.metBy(Set.of("a", "c", "d1")));
    }

    @Test
    void noIndication() {
        assertFalse(TREE.metBy(Set.of("a", "b", "c")));
    }

    @Test
    void attestingTheRoot() {
        assertTrue(TREE.metBy(Set.of("root")));
    }

    @Test
    void shapeIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new CriteriaNode("x", "", CriteriaNode.Combinator.ANY, List.of()));
        // ALL of nothing is a policy with nothing to document: met without attestation.
        assertTrue(new CriteriaNode("x", "", CriteriaNode.Combinator.ALL, List.of()).metBy(Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new CriteriaNode("x", "", CriteriaNode.Combinator.LEAF, List.of(CriteriaNode.leaf("y", ""))));
    }
}
