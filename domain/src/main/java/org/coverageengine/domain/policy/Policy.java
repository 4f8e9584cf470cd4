package org.coverageengine.domain.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.determination.LineOfBusiness;

/**
 * One version of a coverage policy: identity and dates, the lines of business it governs (with referral notes
 * for those it does not), its code groups, criteria sets, and its statements in precedence order (the first
 * deciding statement that applies to a line wins; annotations apply whenever they match).
 */
public record Policy(
        String number,
        String title,
        String payer,
        LocalDate effectiveDate,
        LocalDate nextReviewDate,
        String url,
        Set<LineOfBusiness> governs,
        Map<LineOfBusiness, String> referrals,
        Set<String> ancillaryGroups,
        List<String> relatedPolicies,
        List<Revision> revisions,
        Map<String, CodeGroup> groups,
        Map<String, CriteriaNode> criteriaSets,
        List<Statement> statements) {

    /** Validates identity and that every name a statement uses is defined. */
    public Policy {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        title = title == null ? "" : title;
        payer = payer == null ? "" : payer;
        governs = ImmutableSet.copyOf(governs);
        referrals = referrals == null ? ImmutableMap.of() : ImmutableMap.copyOf(referrals);
        ancillaryGroups = ancillaryGroups == null ? ImmutableSet.of() : ImmutableSet.copyOf(ancillaryGroups);
        relatedPolicies = relatedPolicies == null ? ImmutableList.of() : ImmutableList.copyOf(relatedPolicies);
        revisions = revisions == null ? ImmutableList.of() : ImmutableList.copyOf(revisions);
        groups = ImmutableMap.copyOf(groups);
        criteriaSets = criteriaSets == null ? ImmutableMap.of() : ImmutableMap.copyOf(criteriaSets);
        statements = ImmutableList.copyOf(statements);
        if (governs.isEmpty()) {
            throw new IllegalArgumentException("policy " + number + " governs no line of business");
        }
        for (String group : ancillaryGroups) {
            if (!groups.containsKey(group)) {
                throw new IllegalArgumentException("policy " + number + " names unknown ancillary group '" + group + "'");
            }
        }
        Set<String> ids = new HashSet<>();
        for (Statement statement : statements) {
            if (!ids.add(statement.id())) {
                throw new IllegalArgumentException("policy " + number + " has two statements with id '" + statement.id() + "'");
            }
            for (String group : statement.groupsNamed()) {
                if (!groups.containsKey(group)) {
                    throw new IllegalArgumentException("statement " + statement.id() + " of policy " + number
                            + " names unknown group '" + group + "'");
                }
            }
            for (String criteria : statement.effect().criteriaSetsNamed()) {
                if (!criteriaSets.containsKey(criteria)) {
                    throw new IllegalArgumentException("statement " + statement.id() + " of policy " + number
                            + " names unknown criteria set '" + criteria + "'");
                }
            }
        }
    }

    /** True when this version is in effect on the date (versions stay in effect until replaced). */
    public boolean inEffectOn(LocalDate date) {
        return !date.isBefore(effectiveDate);
    }

    /** The names of the groups listing or matching the code. */
    public List<String> groupsMentioning(Code code) {
        ImmutableList.Builder<String> names = ImmutableList.builder();
        groups.forEach((name, group) -> {
            if (group.mentions(code)) {
                names.add(name);
            }
        });
        return names.build();
    }
}
