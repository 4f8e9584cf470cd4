package org.coverageengine.domain.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.coverageengine.domain.determination.LineOfBusiness;

/**
 * One rule of a policy as data: it applies to lines whose code is in one of its line groups, under its lines of
 * business (empty: every line of business the policy governs), when all its conditions hold; it then has its
 * effect, explained by its reason and cited to its section.
 */
public record Statement(String id, String section, Set<String> lineGroups, Set<LineOfBusiness> linesOfBusiness,
        List<Condition> conditions, Effect effect, String reason) {

    /** Validates that the statement names a line group, an effect and a reason. */
    public Statement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effect, "effect");
        lineGroups = ImmutableSet.copyOf(lineGroups);
        linesOfBusiness = linesOfBusiness == null ? ImmutableSet.of() : ImmutableSet.copyOf(linesOfBusiness);
        conditions = conditions == null ? ImmutableList.of() : ImmutableList.copyOf(conditions);
        section = section == null ? "" : section;
        reason = reason == null ? "" : reason;
        if (lineGroups.isEmpty()) {
            throw new IllegalArgumentException("statement " + id + " names no line group");
        }
    }

    /** Every group the statement names (line groups, condition groups, followed group). */
    public Set<String> groupsNamed() {
        ImmutableSet.Builder<String> all = ImmutableSet.<String>builder().addAll(lineGroups);
        conditions.forEach(c -> all.addAll(c.groupsNamed()));
        return all.addAll(effect.groupsNamed()).build();
    }
}
