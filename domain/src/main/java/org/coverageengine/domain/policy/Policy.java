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
 * One version of a coverage policy: identity and its effective range (an effective date and an optional last day),
 * the lines of business it governs (with referral notes
 * for those it does not), its code groups, criteria sets, and its statements in precedence order (the first
 * deciding statement that applies to a line wins; annotations apply whenever they match).
 */
public record Policy(
        String number,
        String title,
        String payer,
        LocalDate effectiveDate,
        LocalDate endDate,
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
        if (endDate != null && endDate.isBefore(effectiveDate)) {
            throw new IllegalArgumentException("policy " + number + " version " + effectiveDate + " ends on " + endDate + ", before it takes effect");
        }
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

    /** A version without an end date: it stays in effect until a later version replaces it. */
    public Policy(String number, String title, String payer, LocalDate effectiveDate, LocalDate nextReviewDate, String url,
            Set<LineOfBusiness> governs, Map<LineOfBusiness, String> referrals, Set<String> ancillaryGroups, List<String> relatedPolicies,
            List<Revision> revisions, Map<String, CodeGroup> groups, Map<String, CriteriaNode> criteriaSets, List<Statement> statements) {
        this(number, title, payer, effectiveDate, null, nextReviewDate, url, governs, referrals, ancillaryGroups, relatedPolicies,
                revisions, groups, criteriaSets, statements);
    }

    /**
     * True when this version is in effect on the date: on or after its effective date and, when it has one, on or
     * before its end date (without one it stays in effect until a later version replaces it).
     */
    public boolean inEffectOn(LocalDate date) {
        return !date.isBefore(effectiveDate) && (endDate == null || !date.isAfter(endDate));
    }

    /** True when the version ended before the date. */
    public boolean endedBefore(LocalDate date) {
        return endDate != null && date.isAfter(endDate);
    }

    /** The version's range in words: "effective 2025-01-01" or "effective 2025-01-01 to 2025-12-31". */
    public String effectiveRange() {
        return "effective " + effectiveDate + (endDate == null ? "" : " to " + endDate);
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
