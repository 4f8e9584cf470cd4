package org.coverageengine.domain.engine;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.PatientFacts;
import org.coverageengine.domain.determination.Sex;
import org.coverageengine.domain.engine.PolicyIndex.CompiledStatement;
import org.coverageengine.domain.policy.Check;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.port.out.PatientHistory;
import org.coverageengine.domain.evaluation.RequestView;
import org.coverageengine.domain.evaluation.Verdicts;

/**
 * Applies one policy version to every line of one request. Each line's groups are found once (one hash look-up
 * through the {@link PolicyIndex}); group counts, first lines and primary procedures are then counted once, so every
 * check is answered in constant time, whatever the size of the code lists or the number of lines. The statements'
 * effects decide and annotate through this evaluation; the words come from the policy's {@link ExplanationWriter}.
 */
final class PolicyEvaluation implements RequestView, Verdicts<CompiledStatement, Finding> {

    private static final int MAX_FOLLOW_DEPTH = 8;
    /** Whether a statement applies to a line: it does not, */
    static final int NO = 0;
    /** it does, */
    static final int YES = 1;
    /** or it may, but one of its conditions needs a fact the request lacks. */
    static final int NOT_EVALUATED = 2;

    private final PolicyIndex index;
    private final List<ParsedLine> lines;
    private final int[] firstOfCode;
    private final List<Code> requestDiagnoses;
    private final LocalDate date;
    private final LineOfBusiness lob;
    private final Set<String> attested;
    private final PatientFacts patient;
    private final Integer patientAge;
    private final String placeOfService;
    private final PatientHistory history;
    /** The fact the last statement found {@link #NOT_EVALUATED} needs. */
    private String missingFact;
    private final long[] lineMasks;
    private final boolean[] primary;
    private final int primaryCount;
    /** Per group g: at 3g the number of lines in it, at 3g+1 the first of them, at 3g+2 the second. */
    private final int[] groupLines;
    private final Finding[] memo;
    private int followDepth;
    /** Counts across the lines, made when a limit or trigger first needs one. */
    private CrossLineCounts crossLine;
    private Map<String, List<Criterion>> criteriaLists;
    private Map<String, String> followReasons;
    private LineAnnotations annotations;
    /** Once a diagnosis condition or trigger asks: the groups of each line's diagnoses. */
    private LineDiagnosisGroups diagnosisGroups;
    /** Once a statement with conditions on the patient applies to a line's groups: their verdicts for this request. */
    private PatientVerdicts patientVerdicts;
    /** Where citations' triggers are written, one after the other (a citation keeps only the finished text). */
    private StringBuilder trigger;
    /** Citations of statements reading the other lines as a whole, once a code repeats (see {@link #citedInRequest}). */
    private KeptCitation[] requestCitations;

    /**
     * The evaluation of one policy version for one request's lines; {@code firstOfCode} gives per line the first line
     * with an equal procedure code (see {@link RequestCodes#firstOfCode}).
     */
    PolicyEvaluation(PolicyIndex index, List<ParsedLine> lines, int[] firstOfCode, List<Code> requestDiagnoses, LocalDate date, LineOfBusiness lob,
            Set<String> attested, PatientFacts patient, String placeOfService, PatientHistory history) {
        this.index = index;
        this.patient = patient;
        this.patientAge = patient.ageOn(date);
        this.placeOfService = placeOfService;
        this.history = history;
        this.lines = lines;
        this.firstOfCode = firstOfCode;
        this.requestDiagnoses = requestDiagnoses;
        this.date = date;
        this.lob = lob;
        this.attested = attested;
        int n = lines.size();
        int groups = index.groupNames.length;
        this.groupLines = new int[3 * groups];
        this.lineMasks = new long[n];
        this.primary = new boolean[n];
        this.memo = new Finding[n];
        int primaries = 0;
        for (int i = 0; i < n; i++) {
            ParsedLine line = lines.get(i);
            // A line repeating an earlier line's code is in that line's groups.
            int first = firstOfCode[i];
            long mask = line.code() == null ? 0 : first >= 0 && first < i ? lineMasks[first] : index.groupsOf(line.code(), date);
            lineMasks[i] = mask;
            long bits = mask;
            while (bits != 0) {
                int g = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int count = groupLines[3 * g]++;
                if (count < 2) {
                    groupLines[3 * g + 1 + count] = i;
                }
            }
            primary[i] = line.code() != null && line.code().system().isProcedure() && !line.addOn() && (mask & index.ancillaryMask) == 0;
            if (primary[i]) {
                primaries++;
            }
        }
        this.primaryCount = primaries;
    }

    /**
     * Why the policy made no determination for a line it lists in a group it decides about (none of its deciding
     * statements matched the line), or null when it does not list the line's code on the date.
     */
    Finding undecided(int line) {
        long listed = lineMasks[line] & index.decidedMask;
        return listed == 0 ? null : index.writer.undecided(code(line), listed, date, lob);
    }

    /** What the policy decides for the line, or null when no deciding statement applies. */
    Finding evaluate(int line) {
        if (memo[line] != null) {
            return memo[line];
        }
        // A line only in groups no statement decides or annotates (a procedure the policy uses as context) has no statement to try.
        if ((lineMasks[line] & index.decidedMask) == 0 || followDepth > MAX_FOLLOW_DEPTH) {
            return null;
        }
        PolicyIndex.Candidates candidates = index.candidates(lineMasks[line]);
        Finding decided = null;
        for (CompiledStatement statement : candidates.deciders()) {
            int applies = applies(statement, line);
            if (applies == NOT_EVALUATED) {
                // Whether this statement decides is unknown, so no later one may decide in its place.
                decided = notEvaluated(statement, line, missingFact);
                break;
            }
            if (applies == YES) {
                decided = statement.statement().effect().decide(this, statement, line);
                if (decided != null) {
                    break;
                }
            }
        }
        if (decided == null) {
            return null;
        }
        LineAnnotations annotated = null;
        for (CompiledStatement statement : candidates.annotators()) {
            int applies = applies(statement, line);
            if (applies == NO) {
                continue;
            }
            if (annotated == null) {
                if (annotations == null) {
                    annotations = new LineAnnotations(this);
                }
                annotated = annotations.start(decided);
            }
            if (applies == NOT_EVALUATED) {
                annotated.notEvaluated(statement, line, missingFact);
            } else {
                statement.statement().effect().annotate(annotated, statement, line);
            }
        }
        Finding finding = annotated == null ? decided : annotated.finish(decided);
        if (followDepth == 0) {
            memo[line] = finding;
        }
        return finding;
    }

    /** YES, NO, or NOT_EVALUATED when every check that can be evaluated holds but one needs a fact the request lacks. */
    private int applies(CompiledStatement statement, int line) {
        if ((statement.lineMask() & lineMasks[line]) == 0 || (statement.linesOfBusiness() & (1L << lob.ordinal())) == 0) {
            return NO;
        }
        if (statement.patientChecks().length > 0) {
            // The checks on the patient give one answer for every line; only a fact they lack can leave a statement
            // not evaluated (the line checks never lack theirs), and any check that fails makes it not apply.
            if (patientVerdicts == null) {
                patientVerdicts = new PatientVerdicts(index.statements.length);
            }
            int onPatient = patientVerdicts.of(statement, this, line);
            if (onPatient == NO) {
                return NO;
            }
            for (Check check : statement.lineChecks()) {
                if (!check.holds(this, line)) {
                    return NO;
                }
            }
            if (onPatient == NOT_EVALUATED) {
                missingFact = patientVerdicts.missingFact(statement);
            }
            return onPatient;
        }
        if (!statement.readsFacts()) {
            for (Check check : statement.checks()) {
                if (!check.holds(this, line)) {
                    return NO;
                }
            }
            return YES;
        }
        String missing = null;
        for (Check check : statement.checks()) {
            String fact = check.missingFact(this);
            if (fact != null) {
                missing = missing == null ? fact : missing;
            } else if (!check.holds(this, line)) {
                return NO;
            }
        }
        if (missing != null) {
            missingFact = missing;
            return NOT_EVALUATED;
        }
        return YES;
    }

    private Finding notEvaluated(CompiledStatement statement, int line, String fact) {
        PolicyIndex.MissingFact missing = statement.missing(fact);
        return new Finding(Outcome.CONDITIONAL, List.of(missing.reason()), List.of(cite(statement, line)), List.of(missing.criterion()), null, false);
    }

    @Override
    public Finding decided(CompiledStatement statement, int line, Outcome outcome) {
        return new Finding(outcome, List.of(statement.reason()), List.of(cite(statement, line)), List.of(), null, false);
    }

    @Override
    public boolean criteriaMet(String criteriaSet) {
        return index.policy.criteriaSets().get(criteriaSet).metBy(attested);
    }

    @Override
    public Finding onCriteria(CompiledStatement statement, int line, String criteriaSet, Outcome outcome) {
        return new Finding(outcome, List.of(ExplanationWriter.criteriaReason(statement.reason(), outcome)),
                List.of(cite(statement, line)), criteria(criteriaSet), null, false);
    }

    @Override
    public Finding following(CompiledStatement statement, int line, String group) {
        int leader = firstOtherLineIn(index.bit(group), line);
        if (leader < 0) {
            return null;
        }
        followDepth++;
        Finding led = evaluate(leader);
        followDepth--;
        if (led == null) {
            return null;
        }
        // At their exact size, the immutable lists are kept as they are by the determination.
        ImmutableList.Builder<String> followed = ImmutableList.builderWithExpectedSize(led.reasons().size() + 1);
        followed.add(followReason(statement, leader, led)).addAll(led.reasons());
        ImmutableList.Builder<Citation> cited = ImmutableList.builderWithExpectedSize(led.citations().size() + 1);
        cited.add(cite(statement, line)).addAll(led.citations());
        return new Finding(led.outcome(), followed.build(), cited.build(), led.criteria(), null, led.priorAuthorization());
    }

    /** The same text for every line following one leader under one statement. */
    private String followReason(CompiledStatement statement, int leader, Finding led) {
        if (followReasons == null) {
            followReasons = new HashMap<>(4);
        }
        String key = statement.statement().id() + "#" + leader;
        String reason = followReasons.get(key);
        if (reason == null) {
            reason = ExplanationWriter.followReason(statement.reason(), lines.get(leader), led.outcome());
            followReasons.put(key, reason);
        }
        return reason;
    }

    private List<Criterion> criteria(String set) {
        CriteriaNode tree = index.policy.criteriaSets().get(set);
        if (attested.isEmpty()) {
            // Nothing attested: the list is the same for every request, so the index keeps it.
            return index.unattestedCriteria.computeIfAbsent(set, s -> ExplanationWriter.criteria(tree, attested));
        }
        if (criteriaLists == null) {
            criteriaLists = new HashMap<>(2);
        }
        return criteriaLists.computeIfAbsent(set, s -> ExplanationWriter.criteria(tree, attested));
    }

    /** The units requested on the line. */
    int requestedUnits(int line) {
        return lines.get(line).line().quantity();
    }

    /** How many units the lines before this one request of the same code. */
    int unitsOfCodeBefore(int line) {
        return crossLine().unitsOfCodeBefore(line);
    }

    /** How many units the lines before this one request of codes in the group. */
    int unitsInGroupBefore(int line, String group) {
        return crossLine().unitsInGroupBefore(line, index.groupIds.get(group));
    }

    @Override
    public int[] firstLinesOfCodesIn(int group) {
        return crossLine().firstLinesOfCodesIn(group);
    }

    @Override
    public int firstLineWithCodeOf(int line) {
        return crossLine().firstLineWithCodeOf(line);
    }

    @Override
    public int nextLineWithCodeOf(int line) {
        return crossLine().nextLineWithCodeOf(line);
    }

    private CrossLineCounts crossLine() {
        if (crossLine == null) {
            crossLine = new CrossLineCounts(lines, firstOfCode, lineMasks, index.groupNames.length);
        }
        return crossLine;
    }

    /** The date of service the lines are judged on. */
    LocalDate dateOfService() {
        return date;
    }

    /** On how many dates in the limit's period before the date of service the patient had a code of the statement's groups. */
    OptionalInt servicesInPeriod(CompiledStatement statement, java.time.Period period) {
        if (patient.id() == null) {
            return OptionalInt.empty();
        }
        long groups = statement.lineMask();
        return history.servicesBetween(patient.id(), c -> (index.groupsOf(c, date) & groups) != 0, date.minus(period).plusDays(1),
                date.minusDays(1));
    }

    /** The citation of a statement that applied to the line. */
    Citation cite(CompiledStatement statement, int line) {
        if (statement.checks().length == 0) {
            // Without checks the citation depends only on the code and which of the statement's groups hold it.
            String code = code(line).value();
            long groups = groups(line) & statement.lineMask();
            Citation kept = statement.texts().citation(code, groups);
            if (kept == null) {
                kept = write(statement, line);
                statement.texts().keep(code, groups, kept);
            }
            return kept;
        }
        int reads = statement.reads();
        if ((reads & Check.READS_OTHER_LINES) == 0) {
            // Checks on the line and the patient alone: the same facts give the same words, in this request or the next.
            boolean diagnoses = (reads & Check.READS_DIAGNOSES) != 0;
            WrittenTexts.CitedCase key = new WrittenTexts.CitedCase(code(line).value(), groups(line) & statement.lineMask(),
                    diagnoses ? date : null, diagnoses ? diagnoses(line) : null,
                    (reads & Check.READS_MODIFIERS) != 0 ? modifiers(line) : null, (reads & Check.READS_AGE) != 0 ? patientAge : null,
                    (reads & Check.READS_SEX) != 0 ? patient.sex() : null, (reads & Check.READS_PLACE) != 0 ? placeOfService : null);
            Citation kept = statement.texts().citation(key);
            if (kept == null) {
                kept = write(statement, line);
                statement.texts().keep(key, kept);
            }
            return kept;
        }
        if ((reads & Check.READS_LINE_ORDER) == 0) {
            return citedInRequest(statement, line, reads);
        }
        return write(statement, line);
    }

    /**
     * The citation of a statement whose checks read the request's other lines as a whole (not which come first): the
     * same words for every line of one code with the same facts, except its first line (whose code is named at its next
     * line instead), so within the request it is written once per code and facts. A code on one line only is written
     * directly.
     */
    private Citation citedInRequest(CompiledStatement statement, int line, int reads) {
        int codeLine = firstLineWithCodeOf(line);
        if (codeLine == line || codeLine < 0) {
            return write(statement, line);
        }
        if (requestCitations == null) {
            requestCitations = new KeptCitation[lines.size()];
        }
        List<Code> diagnoses = (reads & Check.READS_DIAGNOSES) != 0 ? diagnoses(line) : null;
        List<String> modifiers = (reads & Check.READS_MODIFIERS) != 0 ? modifiers(line) : null;
        int position = statement.position();
        for (KeptCitation kept = requestCitations[codeLine]; kept != null; kept = kept.next()) {
            if (kept.statement() == position && Objects.equals(kept.diagnoses(), diagnoses) && Objects.equals(kept.modifiers(), modifiers)) {
                return kept.citation();
            }
        }
        Citation written = write(statement, line);
        requestCitations[codeLine] = new KeptCitation(position, diagnoses, modifiers, written, requestCitations[codeLine]);
        return written;
    }

    /**
     * A citation written in this request for a line of the code first on line {@code codeLine} (the array's index),
     * by a statement, for the line facts its checks read (else null); the next one kept for that code, or null.
     */
    private record KeptCitation(int statement, List<Code> diagnoses, List<String> modifiers, Citation citation, KeptCitation next) {
    }

    private Citation write(CompiledStatement statement, int line) {
        if (trigger == null) {
            trigger = new StringBuilder(192);
        }
        return index.writer.cite(statement.statement(), statement.lineGroupIds(), statement.checks(), statement.readsFacts(), this, line,
                trigger);
    }

    private int firstOtherLineIn(long bit, int line) {
        int g = Long.numberOfTrailingZeros(bit);
        int count = groupLines[3 * g];
        if (count == 0) {
            return -1;
        }
        if (groupLines[3 * g + 1] != line) {
            return groupLines[3 * g + 1];
        }
        return count > 1 ? groupLines[3 * g + 2] : -1;
    }

    @Override
    public int lineCount() {
        return lines.size();
    }

    @Override
    public Code code(int line) {
        return lines.get(line).code();
    }

    @Override
    public long groups(int line) {
        return lineMasks[line];
    }

    @Override
    public int linesIn(int group) {
        return groupLines[3 * group];
    }

    @Override
    public int firstLineIn(int group) {
        return groupLines[3 * group] == 0 ? -1 : groupLines[3 * group + 1];
    }

    @Override
    public boolean isPrimaryProcedure(int line) {
        return primary[line];
    }

    @Override
    public int primaryProcedures() {
        return primaryCount;
    }

    @Override
    public List<Code> diagnoses(int line) {
        List<Code> own = lines.get(line).diagnoses();
        return own.isEmpty() ? requestDiagnoses : own;
    }

    @Override
    public boolean diagnosesAnyIn(int line, long groups) {
        return diagnosisGroups().anyIn(line, groups);
    }

    @Override
    public boolean primaryDiagnosisIn(int line, long groups) {
        return diagnosisGroups().primaryIn(line, groups);
    }

    @Override
    public boolean diagnosisIn(int line, int diagnosis, long groups) {
        return diagnosisGroups().in(line, diagnosis, groups);
    }

    @Override
    public boolean diagnosesAllIn(int line, long groups) {
        return diagnosisGroups().allIn(line, groups);
    }

    private LineDiagnosisGroups diagnosisGroups() {
        if (diagnosisGroups == null) {
            diagnosisGroups = new LineDiagnosisGroups(index, lines, requestDiagnoses, date);
        }
        return diagnosisGroups;
    }

    @Override
    public int units(int line) {
        return lines.get(line).line().quantity();
    }

    @Override
    public List<String> modifiers(int line) {
        return lines.get(line).line().modifiers();
    }

    @Override
    public Integer patientAge() {
        return patientAge;
    }

    @Override
    public Sex patientSex() {
        return patient.sex();
    }

    @Override
    public String placeOfService() {
        return placeOfService;
    }
}
