package org.coverageengine.adapter.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVPrinter;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.coverageengine.domain.port.out.Knowledge;

/**
 * What a policy revision does to past claims: both knowledge versions decide the same claims, and every line whose
 * outcome changes is listed and counted by code, by code group and by transition ("covered -> not-covered").
 */
public final class ImpactAnalysis {

    /** The columns of the changed-lines CSV. */
    public static final List<String> CHANGED_COLUMNS = List.of("claim_id", "line", "code", "groups", "old_outcome", "new_outcome");

    private final DetermineCoverage before;
    private final DetermineCoverage after;
    private final UnaryOperator<String> groups;

    /** One line whose outcome changed. */
    public record Change(String claimId, int line, String code, String groups, String oldOutcome, String newOutcome) {

        /** "old -> new". */
        public String transition() {
            return oldOutcome + " -> " + newOutcome;
        }
    }

    /** The counts of a run: lines compared, lines changed, records refused, and the changed lines by code, group and transition. */
    public record Report(long lines, long changed, long errors, Map<String, Long> byCode, Map<String, Long> byGroup,
            Map<String, Long> byTransition) {

        /** The report for people, one count per line, most frequent first within each section. */
        public String render() {
            StringBuilder text = new StringBuilder();
            text.append(lines).append(" lines compared, ").append(changed).append(" change outcome")
                    .append(errors > 0 ? ", " + errors + " records refused (see the errors file)" : "").append('\n');
            section(text, "By transition", byTransition);
            section(text, "By group", byGroup);
            section(text, "By code", byCode);
            return text.toString();
        }

        private static void section(StringBuilder text, String title, Map<String, Long> counts) {
            if (counts.isEmpty()) {
                return;
            }
            text.append(title).append(":\n");
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> text.append(String.format("  %8d  %s%n", e.getValue(), e.getKey())));
        }
    }

    /** Compares the two engines; {@code groups} names the code groups of a procedure code ("0509 IOM", joined by '|'). */
    public ImpactAnalysis(DetermineCoverage before, DetermineCoverage after, UnaryOperator<String> groups) {
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    /** The groups of a code in any of the snapshots' policies, as "policy group" joined by '|', remembered per code. */
    public static UnaryOperator<String> groupsIn(Knowledge... snapshots) {
        Map<String, String> known = new ConcurrentHashMap<>();
        return text -> known.computeIfAbsent(text, code -> {
            Code parsed = CodeText.procedure(code).tryParse().orElse(null);
            if (parsed == null) {
                return "";
            }
            TreeSet<String> names = new TreeSet<>();
            for (Knowledge snapshot : snapshots) {
                for (Policy policy : snapshot.policies().all()) {
                    for (String group : policy.groupsMentioning(parsed)) {
                        names.add(policy.number() + " " + group);
                    }
                }
            }
            return String.join("|", names);
        });
    }

    /** Runs both engines over every claim of the source on the given threads; changed lines go to {@code changes} in input order. */
    public Report run(ClaimLineSource source, int threads, Consumer<Change> changes, Consumer<RecordError> errors) {
        long[] counts = new long[3];
        Map<String, Long> byCode = new TreeMap<>();
        Map<String, Long> byGroup = new TreeMap<>();
        Map<String, Long> byTransition = new TreeMap<>();
        OrderedWork.run(new ClaimAssembler(source), this::compare, threads, compared -> {
            compared.errors().forEach(errors);
            counts[2] += compared.errors().size();
            counts[0] += compared.lines();
            for (Change change : compared.changes()) {
                counts[1]++;
                byCode.merge(change.code(), 1L, Long::sum);
                byGroup.merge(change.groups().isEmpty() ? "(no group)" : change.groups(), 1L, Long::sum);
                byTransition.merge(change.transition(), 1L, Long::sum);
                changes.accept(change);
            }
        });
        return new Report(counts[0], counts[1], counts[2], byCode, byGroup, byTransition);
    }

    private record Compared(int lines, List<Change> changes, List<RecordError> errors) {
    }

    private Compared compare(Claim claim) {
        if (claim.lines().isEmpty()) {
            return new Compared(0, List.of(), claim.errors());
        }
        CoverageRequest request;
        CoverageDecision old;
        CoverageDecision now;
        try {
            request = ClaimRequests.toRequest(claim);
            old = before.determine(request);
            now = after.determine(request);
        } catch (IllegalArgumentException e) {
            List<RecordError> refused = new ArrayList<>(claim.errors());
            for (ClaimLine line : claim.lines()) {
                refused.add(new RecordError("", line.record(), "", claim.id(), "the engine refused the claim: " + e.getMessage()));
            }
            return new Compared(0, List.of(), refused);
        }
        List<Change> changes = new ArrayList<>(0);
        for (int i = 0; i < claim.lines().size(); i++) {
            String was = old.determinations().get(i).outcome().code();
            String is = now.determinations().get(i).outcome().code();
            if (!was.equals(is)) {
                ClaimLine line = claim.lines().get(i);
                changes.add(new Change(claim.id(), line.line(), line.code(), groups.apply(line.code()), was, is));
            }
        }
        return new Compared(claim.lines().size(), changes, claim.errors());
    }

    /** Writes changed lines as CSV with the {@link #CHANGED_COLUMNS} header. */
    public static Consumer<Change> csv(CSVPrinter printer) {
        try {
            printer.printRecord(CHANGED_COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return change -> {
            try {
                printer.printRecord(change.claimId(), change.line(), change.code(), change.groups(), change.oldOutcome(), change.newOutcome());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
