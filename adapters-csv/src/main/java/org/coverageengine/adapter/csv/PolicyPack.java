package org.coverageengine.adapter.csv;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coverageengine.adapter.csv.PackRows.CodeRow;
import org.coverageengine.adapter.csv.PackRows.CriteriaRow;
import org.coverageengine.adapter.csv.PackRows.GroupCodeRow;
import org.coverageengine.adapter.csv.PackRows.GroupRow;
import org.coverageengine.adapter.csv.PackRows.PackRow;
import org.coverageengine.adapter.csv.PackRows.PolicyRow;
import org.coverageengine.adapter.csv.PackRows.ReferralRow;
import org.coverageengine.adapter.csv.PackRows.RevisionRow;
import org.coverageengine.adapter.csv.PackRows.StatementRow;
import org.coverageengine.adapter.csv.RowBinding.Bound;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.code.InvalidCodeException;
import org.coverageengine.domain.code.RvuFacts;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.CodePattern;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Revision;
import org.coverageengine.domain.policy.Statement;
import org.coverageengine.domain.port.out.KnowledgeSink;
import org.coverageengine.domain.port.out.KnowledgeSource;

/**
 * A policy pack: a folder of CSV files describing catalog entries, policies, code groups, statements and
 * criteria. The whole pack is read and checked before anything reaches the sink; any error stops the import
 * with file, line, column and reason. Documented in docs/policy-pack.md.
 */
public final class PolicyPack implements KnowledgeSource {

    /** The classpath folder of the embedded default pack. */
    public static final String DEFAULT_PACK = "coverage-packs/default";

    static final String PACK = "pack.csv";
    static final String POLICIES = "policies.csv";
    static final String REFERRALS = "referrals.csv";
    static final String REVISIONS = "revisions.csv";
    static final String GROUPS = "groups.csv";
    static final String GROUP_CODES = "group_codes.csv";
    static final String STATEMENTS = "statements.csv";
    static final String CRITERIA = "criteria.csv";
    static final String CODES = "codes.csv";
    private static final String ADD_ON_TEXT = "list separately in addition to";

    private final PackFiles files;
    private final Contents contents;

    private PolicyPack(PackFiles files) {
        this.files = files;
        this.contents = read(files);
    }

    /** Reads and checks a pack folder on disk; throws {@link ImportException} on the first error. */
    public static PolicyPack fromDirectory(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ImportException(folder.toString(), 0, 0, "not a folder: a policy pack is a folder of CSV files (see docs/policy-pack.md)");
        }
        return new PolicyPack(PackFiles.directory(folder));
    }

    /** Reads a pack held in memory (file name to bytes), e.g. one uploaded by a policy author. */
    public static PolicyPack fromFiles(String location, java.util.Map<String, byte[]> files) {
        java.util.Map<String, byte[]> copy = java.util.Map.copyOf(files);
        return new PolicyPack(new PackFiles() {
            // Not shipped: validated like any folder.
            @Override
            public Optional<byte[]> read(String name) {
                return Optional.ofNullable(copy.get(name));
            }

            @Override
            public String location() {
                return location;
            }
        });
    }

    /** The files of the embedded default pack, by name (a starting point for a new pack). */
    public static java.util.Map<String, byte[]> defaultPackFiles() {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        PackFiles classpath = PackFiles.classpath(DEFAULT_PACK);
        for (String name : List.of(PACK, POLICIES, REFERRALS, REVISIONS, GROUPS, GROUP_CODES, STATEMENTS, CRITERIA, CODES)) {
            classpath.read(name).ifPresent(bytes -> files.put(name, bytes));
        }
        return files;
    }

    /** Reads the embedded default pack (policy 0509, S-code and spinal decompression rules). */
    public static PolicyPack embeddedDefault() {
        return new PolicyPack(PackFiles.classpath(DEFAULT_PACK));
    }

    /**
     * Builds the row validator (Hibernate Validator's bootstrap takes a few hundred milliseconds) on another
     * thread, so that a process can start other work meanwhile.
     */
    public static Thread warmUpInBackground() {
        Thread thread = new Thread(RowBinding::warmUp, "csv-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** True when the folder looks like a policy pack (it has a pack.csv). */
    public static boolean isPack(Path folder) {
        return Files.isDirectory(folder) && Files.isRegularFile(folder.resolve(PACK));
    }

    @Override
    public String describe() {
        return "pack " + contents.packId + " " + contents.version;
    }

    /** The pack's id. */
    public String id() {
        return contents.packId;
    }

    /** The pack's version. */
    public String version() {
        return contents.version;
    }

    /** The policies the pack defines. */
    public List<Policy> policies() {
        return contents.policies;
    }

    /** The catalog entries the pack defines (from codes.csv and the group code descriptions). */
    public List<CodeEntry> codes() {
        return contents.codes;
    }

    /** Where the pack was read from. */
    public String location() {
        return files.location();
    }

    @Override
    public void contributeTo(KnowledgeSink sink) {
        contents.codes.forEach(sink::addCode);
        contents.policies.forEach(sink::addPolicy);
    }

    private record Contents(String packId, String version, List<Policy> policies, List<CodeEntry> codes) {
    }

    /** Mutable collection of one policy's parts while the pack is read. */
    private static final class Draft {
        final Bound<PolicyRow> row;
        final Map<String, GroupDraft> groups = new LinkedHashMap<>();
        final Map<LineOfBusiness, String> referrals = new LinkedHashMap<>();
        final List<Revision> revisions = new ArrayList<>();
        final Map<String, Map<String, Bound<CriteriaRow>>> criteria = new LinkedHashMap<>();
        final List<Bound<StatementRow>> statements = new ArrayList<>();

        Draft(Bound<PolicyRow> row) {
            this.row = row;
        }
    }

    private static final class GroupDraft {
        final Bound<GroupRow> row;
        final Map<Code, DateRange> members = new LinkedHashMap<>();
        final Map<Code, Integer> firstLine = new HashMap<>();
        final List<CodePattern> patterns = new ArrayList<>();

        GroupDraft(Bound<GroupRow> row) {
            this.row = row;
        }
    }

    private static Contents read(PackFiles files) {
        PackRow pack = single(table(files, PACK, PackRow.class, true));
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Bound<PolicyRow> row : table(files, POLICIES, PolicyRow.class, true)) {
            if (drafts.putIfAbsent(row.value().policy(), new Draft(row)) != null) {
                throw row.row().error("policy", "duplicate policy '" + row.value().policy() + "' (a pack holds one version of each policy)");
            }
            lines(row.row(), "lines_of_business", row.value().linesOfBusiness());
            date(row.row(), "effective", row.value().effective());
            date(row.row(), "next_review", row.value().nextReview());
        }
        for (Bound<ReferralRow> row : table(files, REFERRALS, ReferralRow.class, false)) {
            Draft draft = draft(drafts, row.row(), row.value().policy());
            LineOfBusiness lob = lines(row.row(), "line_of_business", row.value().lineOfBusiness()).iterator().next();
            draft.referrals.put(lob, row.value().note());
        }
        for (Bound<RevisionRow> row : table(files, REVISIONS, RevisionRow.class, false)) {
            draft(drafts, row.row(), row.value().policy()).revisions
                    .add(new Revision(date(row.row(), "date", row.value().date()), row.value().type(), row.value().summary()));
        }
        for (Bound<GroupRow> row : table(files, GROUPS, GroupRow.class, true)) {
            Draft draft = draft(drafts, row.row(), row.value().policy());
            GroupDraft group = new GroupDraft(row);
            if (draft.groups.putIfAbsent(row.value().group(), group) != null) {
                throw row.row().error("group", "duplicate group '" + row.value().group() + "' in policy " + row.value().policy());
            }
            boolean hasSystem = !row.value().patternSystem().isEmpty();
            boolean hasPrefix = !row.value().patternPrefix().isEmpty();
            if (hasSystem != hasPrefix) {
                throw row.row().error(hasSystem ? "pattern_prefix" : "pattern_system",
                        "a pattern group needs both pattern_system and pattern_prefix");
            }
            if (hasSystem) {
                group.patterns.add(new CodePattern(system(row.row(), "pattern_system", row.value().patternSystem()), row.value().patternPrefix()));
            }
        }
        List<CodeEntry> codes = new ArrayList<>();
        for (Bound<GroupCodeRow> row : table(files, GROUP_CODES, GroupCodeRow.class, true)) {
            GroupCodeRow value = row.value();
            Draft draft = draft(drafts, row.row(), value.policy());
            GroupDraft group = draft.groups.get(value.group());
            if (group == null) {
                throw row.row().error("group", "unknown group '" + value.group() + "' of policy " + value.policy()
                        + " (define it in " + GROUPS + ")");
            }
            Code code = code(row.row(), system(row.row(), "system", value.system()), value.code());
            DateRange validity = range(row.row(), value.effective(), value.termination());
            Integer first = group.firstLine.putIfAbsent(code, row.row().line());
            if (first != null) {
                throw row.row().error("code", "duplicate code " + code + " in group " + value.group() + " (first listed at line " + first + ")");
            }
            group.members.put(code, validity);
            if (!value.description().isEmpty()) {
                codes.add(new CodeEntry(code, null, value.description(), null, null, null, null, validity,
                        value.description().toLowerCase(Locale.ROOT).contains(ADD_ON_TEXT), true, null, null,
                        List.of("policy " + value.policy() + " code list " + value.group())));
            }
        }
        for (Bound<CriteriaRow> row : table(files, CRITERIA, CriteriaRow.class, false)) {
            Draft draft = draft(drafts, row.row(), row.value().policy());
            Map<String, Bound<CriteriaRow>> set = draft.criteria.computeIfAbsent(row.value().criteriaSet(), s -> new LinkedHashMap<>());
            for (Map<String, Bound<CriteriaRow>> other : draft.criteria.values()) {
                if (other.containsKey(row.value().code())) {
                    throw row.row().error("code", "duplicate criterion '" + row.value().code() + "' in policy " + row.value().policy());
                }
            }
            set.put(row.value().code(), row);
        }
        List<Bound<StatementRow>> statementRows = table(files, STATEMENTS, StatementRow.class, true);
        for (Bound<StatementRow> row : statementRows) {
            draft(drafts, row.row(), row.value().policy()).statements.add(row);
        }
        List<Policy> policies = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            policies.add(policy(draft));
        }
        Set<Code> curated = new LinkedHashSet<>();
        List<CodeEntry> curatedEntries = new ArrayList<>();
        for (Bound<CodeRow> row : table(files, CODES, CodeRow.class, false)) {
            CodeEntry entry = codeEntry(row);
            if (!curated.add(entry.code())) {
                throw row.row().error("code", "duplicate code " + entry.code() + " in " + CODES);
            }
            curatedEntries.add(entry);
        }
        // Curated entries first, so their texts win when merged with the policy's code-list descriptions.
        List<CodeEntry> all = new ArrayList<>(curatedEntries);
        all.addAll(codes);
        return new Contents(pack.packId(), pack.version(), ImmutableList.copyOf(policies), ImmutableList.copyOf(all));
    }

    private static Policy policy(Draft draft) {
        PolicyRow row = draft.row.value();
        CsvTable.Row at = draft.row.row();
        Map<String, CodeGroup> groups = new LinkedHashMap<>();
        draft.groups.forEach((name, g) -> groups.put(name,
                new CodeGroup(name, g.row.value().title().isEmpty() ? name : g.row.value().title(), g.row.value().section(), g.members, g.patterns)));
        Set<String> ancillary = new LinkedHashSet<>(list(row.ancillaryGroups()));
        for (String group : ancillary) {
            if (!groups.containsKey(group)) {
                throw at.error("ancillary_groups", "unknown group '" + group + "' (define it in " + GROUPS + ")");
            }
        }
        Map<String, CriteriaNode> criteriaSets = new LinkedHashMap<>();
        draft.criteria.forEach((set, rows) -> criteriaSets.put(set, criteriaTree(set, rows)));
        List<Bound<StatementRow>> ordered = new ArrayList<>(draft.statements);
        ordered.sort(Comparator.comparingInt(b -> Integer.parseInt(b.value().order())));
        List<Statement> statements = new ArrayList<>();
        Map<Integer, Integer> orders = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Bound<StatementRow> bound : ordered) {
            Integer clash = orders.putIfAbsent(Integer.parseInt(bound.value().order()), bound.row().line());
            if (clash != null) {
                throw bound.row().error("order", "two statements of policy " + row.policy() + " share order " + bound.value().order()
                        + " (the other is at line " + clash + "): precedence must be unambiguous");
            }
            if (!ids.add(bound.value().id())) {
                throw bound.row().error("id", "duplicate statement id '" + bound.value().id() + "' in policy " + row.policy());
            }
            statements.add(statement(bound, groups, criteriaSets));
        }
        try {
            return new Policy(row.policy(), row.title(), row.payer(), date(at, "effective", row.effective()),
                    date(at, "next_review", row.nextReview()), row.url().isEmpty() ? null : row.url(),
                    lines(at, "lines_of_business", row.linesOfBusiness()), draft.referrals, ancillary, list(row.related()),
                    draft.revisions, groups, criteriaSets, statements);
        } catch (IllegalArgumentException e) {
            throw at.error("policy", e.getMessage());
        }
    }

    private static Statement statement(Bound<StatementRow> bound, Map<String, CodeGroup> groups, Map<String, CriteriaNode> criteriaSets) {
        StatementRow row = bound.value();
        CsvTable.Row at = bound.row();
        Set<String> lineGroups = new LinkedHashSet<>(list(row.lineGroups()));
        for (String group : lineGroups) {
            if (!groups.containsKey(group)) {
                throw at.error("line_groups", "unknown group '" + group + "' (define it in " + GROUPS + ")");
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
                if (!groups.containsKey(group)) {
                    throw at.error("when", "unknown group '" + group + "' in condition (define it in " + GROUPS + ")");
                }
            }
        }
        Set<LineOfBusiness> lobs = row.linesOfBusiness().isEmpty() ? Set.of() : lines(at, "lines_of_business", row.linesOfBusiness());
        Effect effect = effect(at, row, groups, criteriaSets);
        return new Statement(row.id(), row.section(), lineGroups, lobs, conditions, effect, row.reason());
    }

    private static Effect effect(CsvTable.Row at, StatementRow row, Map<String, CodeGroup> groups, Map<String, CriteriaNode> criteriaSets) {
        String argument = row.argument();
        switch (row.effect().toLowerCase(Locale.ROOT)) {
            case "decide": {
                Outcome outcome = Outcome.fromCode(argument).orElseThrow(() -> at.error("argument",
                        "unknown outcome '" + argument + "' (expected not-covered, experimental, bundled, conditional or no-policy)"));
                try {
                    return new Effect.Decide(outcome);
                } catch (IllegalArgumentException e) {
                    throw at.error("argument", e.getMessage());
                }
            }
            case "require-criteria":
                if (!criteriaSets.containsKey(argument)) {
                    throw at.error("argument", "unknown criteria set '" + argument + "' (define it in " + CRITERIA + ")");
                }
                return new Effect.RequireCriteria(argument);
            case "follow":
                if (!groups.containsKey(argument)) {
                    throw at.error("argument", "unknown group '" + argument + "' to follow (define it in " + GROUPS + ")");
                }
                return new Effect.FollowGroup(argument);
            case "limit-units":
                if (!argument.matches("[1-9]\\d{0,5}")) {
                    throw at.error("argument", "limit-units needs a whole number of units of at least 1, was '" + argument + "'");
                }
                return new Effect.LimitUnits(Integer.parseInt(argument));
            case "prior-authorization":
                return new Effect.RequirePriorAuthorization();
            default:
                throw at.error("effect", "unknown rule kind '" + row.effect()
                        + "' (expected decide, require-criteria, follow, limit-units or prior-authorization)");
        }
    }

    private static CriteriaNode criteriaTree(String set, Map<String, Bound<CriteriaRow>> rows) {
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
                    throw row.row().error("parent", "unknown parent criterion '" + parent + "' in criteria set " + set);
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

    private static CodeEntry codeEntry(Bound<CodeRow> bound) {
        CodeRow row = bound.value();
        CsvTable.Row at = bound.row();
        Code code = code(at, system(at, "system", row.system()), row.code());
        RvuFacts rvu = null;
        if (!row.workRvu().isEmpty() || !row.rvuStatus().isEmpty() || !row.rvuNote().isEmpty()) {
            rvu = new RvuFacts(row.workRvu().isEmpty() ? null : new BigDecimal(row.workRvu()),
                    row.rvuStatus().isEmpty() ? null : row.rvuStatus(), row.rvuNote().isEmpty() ? null : row.rvuNote());
        }
        String description = row.longDescription().isEmpty() ? row.shortDescription() : row.longDescription();
        boolean addOn = row.addOn().equals("true") || row.addOn().equals("yes")
                || description.toLowerCase(Locale.ROOT).contains(ADD_ON_TEXT);
        return new CodeEntry(code, row.shortDescription(), row.longDescription(), list(row.synonyms()), row.plainLanguage(),
                row.clinicalContext(), list(row.specialties()), range(at, row.effective(), row.termination()), addOn, true, rvu,
                list(row.notes()), List.of("pack codes.csv"));
    }

    private static <R extends Record> List<Bound<R>> table(PackFiles files, String name, Class<R> type, boolean required) {
        Optional<byte[]> bytes = files.read(name);
        if (bytes.isEmpty()) {
            if (required) {
                throw new ImportException(name, 0, 0, "missing file: a policy pack needs " + name + " (in " + files.location() + ")");
            }
            return List.of();
        }
        String text = StrictText.decode(name, bytes.get());
        CsvTable table = CsvTable.parse(name, text, RowBinding.columnsOf(type));
        return RowBinding.bind(table, type, !files.shippedAndTested());
    }

    private static PackRow single(List<Bound<PackRow>> rows) {
        if (rows.size() != 1) {
            throw new ImportException(PACK, rows.isEmpty() ? 1 : rows.get(1).row().line(), 0,
                    "pack.csv must hold exactly one row (pack_id, version, title), found " + rows.size());
        }
        return rows.get(0).value();
    }

    private static Draft draft(Map<String, Draft> drafts, CsvTable.Row row, String policy) {
        Draft draft = drafts.get(policy);
        if (draft == null) {
            throw row.error("policy", "unknown policy '" + policy + "' (define it in " + POLICIES + ")");
        }
        return draft;
    }

    private static CodeSystem system(CsvTable.Row row, String column, String text) {
        return CodeSystem.fromName(text).or(() -> CodeSystem.fromUri(text)).orElseThrow(() -> row.error(column,
                "unknown code system '" + text + "' (expected CPT, HCPCS or ICD-10-CM)"));
    }

    private static Code code(CsvTable.Row row, CodeSystem system, String text) {
        try {
            return Code.of(system, text);
        } catch (InvalidCodeException e) {
            throw row.error("code", "malformed code: " + e.getMessage());
        }
    }

    private static LocalDate date(CsvTable.Row row, String column, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw row.error(column, "bad date '" + text + "': not a calendar date (expected YYYY-MM-DD)");
        }
    }

    private static DateRange range(CsvTable.Row row, String effective, String termination) {
        LocalDate start = date(row, "effective", effective);
        LocalDate end = date(row, "termination", termination);
        if (start != null && end != null && end.isBefore(start)) {
            throw row.error("termination", "termination " + end + " is before effective " + start);
        }
        return new DateRange(start, end);
    }

    private static Set<LineOfBusiness> lines(CsvTable.Row row, String column, String text) {
        Set<LineOfBusiness> lobs = EnumSet.noneOf(LineOfBusiness.class);
        for (String item : list(text)) {
            lobs.add(LineOfBusiness.parse(item).orElseThrow(() -> row.error(column, "unknown line of business '" + item
                    + "' (expected commercial, medicare, medicare-advantage, medicaid, workers-comp, auto or self-pay)")));
        }
        if (lobs.isEmpty()) {
            throw row.error(column, "at least one line of business is required");
        }
        return lobs;
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        for (String item : text.split("\\|")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
