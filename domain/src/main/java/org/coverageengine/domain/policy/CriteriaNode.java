package org.coverageengine.domain.policy;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A criteria tree: a leaf criterion, or ALL/ANY of its children. A node is met when the request attests its
 * code, or when its children meet its combinator.
 */
public record CriteriaNode(String code, String text, Combinator combinator, List<CriteriaNode> children) {

    /** How a node's children combine. */
    public enum Combinator {
        /** A single criterion with no children. */
        LEAF,
        /** Every child must be met. */
        ALL,
        /** At least one child must be met. */
        ANY
    }

    /** Validates the shape: leaves have no children, ANY has at least one (ALL of none is met: nothing to document). */
    public CriteriaNode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(combinator, "combinator");
        children = children == null ? ImmutableList.of() : ImmutableList.copyOf(children);
        text = text == null ? "" : text;
        if (combinator == Combinator.LEAF && !children.isEmpty()) {
            throw new IllegalArgumentException("criterion " + code + " is a leaf but has children");
        }
        if (combinator == Combinator.ANY && children.isEmpty()) {
            throw new IllegalArgumentException("criterion " + code + " combines " + combinator + " of no children");
        }
    }

    /** A leaf criterion. */
    public static CriteriaNode leaf(String code, String text) {
        return new CriteriaNode(code, text, Combinator.LEAF, ImmutableList.of());
    }

    /** True when the attested codes meet this node. */
    public boolean metBy(Set<String> attested) {
        if (attested.contains(code)) {
            return true;
        }
        switch (combinator) {
            case ALL:
                return children.stream().allMatch(c -> c.metBy(attested));
            case ANY:
                return children.stream().anyMatch(c -> c.metBy(attested));
            default:
                return false;
        }
    }
}
