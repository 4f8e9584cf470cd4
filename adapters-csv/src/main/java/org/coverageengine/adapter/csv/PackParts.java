package org.coverageengine.adapter.csv;

import static org.coverageengine.adapter.csv.PackValues.list;

import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coverageengine.adapter.csv.PackRows.CodeRow;
import org.coverageengine.adapter.csv.PackRows.CriteriaRow;
import org.coverageengine.adapter.csv.PackRows.StatementRow;
import org.coverageengine.adapter.csv.RowBinding.Bound;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodePatternFacts;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.code.RvuFacts;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.policy.CodeRange;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Statement;

/**
 * Builds the domain parts one or a few rows describe (a statement, a criteria tree, a curated code entry), or
 * throws {@link ImportException} at the cell at fault: the validator runs them to find problems, the compiler to
 * build.
 */
final class PackParts {

    private PackParts() {
    }

    /** A statement whose groups and criteria sets must be among those named. */
    static Statement statement(Bound<StatementRow> bound, Set<String> groups, Set<String> criteriaSets) {
        StatementRow row = bound.value();
        CsvTable.Row at = bound.row();
        Set<String> lineGroups = new LinkedHashSet<>(list(row.lineGroups()));
        for (String group : lineGroups) {
            if (!groups.contains(group)) {
                throw at.error("line_groups", "unknown group '" + Quoted.prefix(group) + "' (define it in " + PackReader.GROUPS + ")");
            }
        }
        List<Condition> conditions;
        try {
            conditions = ConditionExpression.parse(row.when());
        } catch (IllegalArgumentException e) {
            throw at.error("when", e.getMessage());
        }
        for (Condition condition : conditions) {
            for (String group : condition.groupsNamed()) {
                if (!groups.contains(group)) {
                    throw at.error("when", "unknown group '" + Quoted.prefix(group) + "' in condition (define it in " + PackReader.GROUPS + ")");
                }
            }
        }
        Set<LineOfBusiness> lobs = row.linesOfBusiness().isEmpty() ? Set.of() : PackValues.lines(at, "lines_of_business", row.linesOfBusiness());
        Effect effect = effect(at, row, groups, criteriaSets);
        return new Statement(row.id(), row.section(), lineGroups, lobs, conditions, effect, row.reason());
    }

    private static Effect effect(CsvTable.Row at, StatementRow row, Set<String> groups, Set<String> criteriaSets) {
        String argument = row.argument();
        switch (row.effect().toLowerCase(Locale.ROOT)) {
            case "decide": {
                Outcome outcome = Outcome.fromCode(argument).orElseThrow(() -> at.error("argument",
                        "unknown outcome '" + Quoted.prefix(argument) + "' (expected covered, not-covered, experimental, bundled, conditional or no-policy)"));
                try {
                    return new Effect.Decide(outcome);
                } catch (IllegalArgumentException e) {
                    throw at.error("argument", e.getMessage());
                }
            }
            case "require-criteria":
                if (!criteriaSets.contains(argument)) {
                    throw at.error("argument", "unknown criteria set '" + Quoted.prefix(argument) + "' (define it in " + PackReader.CRITERIA + ")");
                }
                return new Effect.RequireCriteria(argument);
            case "follow":
                if (!groups.contains(argument)) {
                    throw at.error("argument", "unknown group '" + Quoted.prefix(argument) + "' to follow (define it in " + PackReader.GROUPS + ")");
                }
                return new Effect.FollowGroup(argument);
            case "limit-units":
                return limitUnits(at, argument, row.unitsText(), groups);
            case "limit-period":
                return limitPeriod(at, argument);
            case "prior-authorization":
                return new Effect.RequirePriorAuthorization();
            case "note":
                return new Effect.Note();
            default:
                throw at.error("effect", "unknown rule kind '" + Quoted.prefix(row.effect())
                        + "' (expected " + RULE_KINDS + ")");
        }
    }

    static final String RULE_KINDS = "decide, require-criteria, follow, limit-units, limit-period, prior-authorization or note";
    private static final Pattern LIMIT = Pattern.compile("([1-9]\\d{0,5})(?:\\s+per\\s+(line|code|group)(?:\\s+(\\S+))?)?");
    private static final Pattern PERIOD = Pattern.compile("([1-9]\\d{0,5})\\s+per\\s+([1-9]\\d{0,3})\\s+(days?|months?|years?)");

    /** "N", "N per line", "N per code" or "N per group GROUP". */
    private static Effect limitUnits(CsvTable.Row at, String argument, String unitsText, Set<String> groups) {
        Matcher m = LIMIT.matcher(argument.strip());
        if (!m.matches() || ("group".equals(m.group(2)) != (m.group(3) != null))) {
            throw at.error("argument", "limit-units needs a whole number of units of at least 1, optionally 'per line', 'per code' or "
                    + "'per group GROUP', was '" + Quoted.prefix(argument) + "'");
        }
        String group = m.group(3);
        if (group != null && !groups.contains(group)) {
            throw at.error("argument", "unknown group '" + Quoted.prefix(group) + "' to count units over (define it in " + PackReader.GROUPS + ")");
        }
        Effect.UnitScope scope = m.group(2) == null ? Effect.UnitScope.LINE : Effect.UnitScope.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        return new Effect.LimitUnits(Integer.parseInt(m.group(1)), scope, group, unitsText);
    }

    /** "N per D days", "N per M months" or "N per Y years" (a rolling period ending on the date of service). */
    private static Effect limitPeriod(CsvTable.Row at, String argument) {
        Matcher m = PERIOD.matcher(argument.strip());
        if (!m.matches()) {
            throw at.error("argument", "limit-period needs 'N per D days', 'N per M months' or 'N per Y years', was '" + Quoted.prefix(argument) + "'");
        }
        int span = Integer.parseInt(m.group(2));
        Period period = m.group(3).startsWith("day") ? Period.ofDays(span) : m.group(3).startsWith("month") ? Period.ofMonths(span) : Period.ofYears(span);
        return new Effect.LimitPerPeriod(Integer.parseInt(m.group(1)), period);
    }

    /** The tree of one criteria set: exactly one root, every parent known, no cycle. */
    static CriteriaNode criteriaTree(String set, Map<String, Bound<CriteriaRow>> rows) {
        Bound<CriteriaRow> root = null;
        Map<String, List<Bound<CriteriaRow>>> children = new LinkedHashMap<>();
        for (Bound<CriteriaRow> row : rows.values()) {
            String parent = row.value().parent();
            if (parent.isEmpty()) {
                if (root != null) {
                    throw row.row().error("parent", "criteria set " + set + " has two roots (" + root.value().code() + " and "
                            + row.value().code() + "); give every criterion but one a parent");
                }
                root = row;
            } else {
                if (!rows.containsKey(parent)) {
                    throw row.row().error("parent", "unknown parent criterion '" + Quoted.prefix(parent) + "' in criteria set " + set);
                }
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(row);
            }
        }
        if (root == null) {
            Bound<CriteriaRow> any = rows.values().iterator().next();
            throw any.row().error("parent", "criteria set " + set + " has no root (a criterion without parent)");
        }
        return node(root, children, new LinkedHashSet<>());
    }

    private static CriteriaNode node(Bound<CriteriaRow> row, Map<String, List<Bound<CriteriaRow>>> children, Set<String> path) {
        if (!path.add(row.value().code())) {
            throw row.row().error("parent", "criteria form a cycle through '" + row.value().code() + "'");
        }
        List<CriteriaNode> kids = new ArrayList<>();
        for (Bound<CriteriaRow> child : children.getOrDefault(row.value().code(), List.of())) {
            kids.add(node(child, children, path));
        }
        path.remove(row.value().code());
        String combinator = row.value().combinator().isEmpty() ? (kids.isEmpty() ? "LEAF" : "ALL") : row.value().combinator();
        try {
            return new CriteriaNode(row.value().code(), row.value().text(), CriteriaNode.Combinator.valueOf(combinator), kids);
        } catch (IllegalArgumentException e) {
            throw row.row().error("combinator", e.getMessage());
        }
    }

    /** True for a codes.csv row about a pattern of codes ({@code S*}) rather than one code. */
    static boolean isPatternRow(CodeRow row) {
        return row.code().strip().endsWith("*");
    }

    /**
     * The facts a codes.csv row states for every code beginning with a prefix ({@code HCPCS,S*}): only RVU facts and a
     * billing note, since descriptions and dates belong to single codes.
     */
    static CodePatternFacts patternFacts(Bound<CodeRow> bound) {
        CodeRow row = bound.value();
        CsvTable.Row at = bound.row();
        CodeSystem system = PackValues.system(at, "system", row.system());
        CodeRange span = PackValues.span(at, system, row.code(), DateRange.ALWAYS);
        List<String> single = List.of(row.shortDescription(), row.longDescription(), row.synonyms(), row.plainLanguage(),
                row.clinicalContext(), row.specialties(), row.effective(), row.termination(), row.addOn(), row.notes());
        if (single.stream().anyMatch(cell -> !cell.isEmpty())) {
            throw at.error("code", "the pattern " + span + " may state only work_rvu, rvu_status, rvu_note and billing_note "
                    + "(descriptions, dates and notes belong to single codes)");
        }
        try {
            return new CodePatternFacts(system, span.first(), rvu(row), row.billingNote(), "pack codes.csv " + span);
        } catch (IllegalArgumentException e) {
            throw at.error("code", e.getMessage());
        }
    }

    private static RvuFacts rvu(CodeRow row) {
        if (row.workRvu().isEmpty() && row.rvuStatus().isEmpty() && row.rvuNote().isEmpty()) {
            return null;
        }
        return new RvuFacts(row.workRvu().isEmpty() ? null : new BigDecimal(row.workRvu()),
                row.rvuStatus().isEmpty() ? null : row.rvuStatus(), row.rvuNote().isEmpty() ? null : row.rvuNote());
    }

    /** A curated catalog entry from codes.csv. */
    static CodeEntry codeEntry(Bound<CodeRow> bound) {
        CodeRow row = bound.value();
        CsvTable.Row at = bound.row();
        Code code = PackValues.code(at, PackValues.system(at, "system", row.system()), row.code());
        RvuFacts rvu = rvu(row);
        String description = row.longDescription().isEmpty() ? row.shortDescription() : row.longDescription();
        boolean addOn = row.addOn().equals("true") || row.addOn().equals("yes") || AddOnWording.marks(description);
        return CodeEntry.builder(code).shortDescription(row.shortDescription()).longDescription(row.longDescription())
                .synonyms(list(row.synonyms())).plainLanguage(row.plainLanguage()).clinicalContext(row.clinicalContext())
                .specialties(list(row.specialties())).validity(PackValues.range(at, row.effective(), row.termination()))
                .addOn(addOn).rvu(rvu).billingNote(row.billingNote()).notes(list(row.notes())).source("pack codes.csv").build();
    }
}
