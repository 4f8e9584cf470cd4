package org.coverageengine.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.PatientFacts;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.determination.Sex;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Statement;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.testing.ListedPolicies;
import org.coverageengine.domain.testing.NoCodes;
import org.coverageengine.domain.testing.NoEdits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Texts written once and handed out again must be exactly the texts the writer would write for that case: never one
 * kept for another case that landed on the same slot, whatever the order, the number of cases or the threads.
 */
class WrittenTextsTest {

    private static final String REASON = "Policy R1 (Rules): At most one unit per session.";

    @ParameterizedTest(name = "{0} requested, {1} allowed, {2} used before")
    @CsvSource({"1, 1, 0", "1, 0, 1", "2, 1, 1", "5, 4, 0", "3, 3, 0", "0, 0, 0", "2097151, 1, 0", "2097152, 1, 0", "1, 1, 2097152",
            "2147483647, 0, 2147483647"})
    void aLimitReasonIsTheWritersText(int requested, int allowed, int usedBefore) {
        WrittenTexts texts = new WrittenTexts();
        String expected = ExplanationWriter.limitReason(REASON, requested, allowed, usedBefore);

        assertThat(texts.limitReason(REASON, requested, allowed, usedBefore)).isEqualTo(expected);
        assertThat(texts.limitReason(REASON, requested, allowed, usedBefore)).isEqualTo(expected);
    }

    @Test
    void manyCasesOnFewSlotsEachGetTheirOwnText() {
        WrittenTexts texts = new WrittenTexts();
        Random random = new Random(15);
        for (int i = 0; i < 20 * WrittenTexts.SLOTS; i++) {
            int requested = random.nextInt(12);
            int allowed = random.nextInt(12);
            int usedBefore = random.nextInt(12);
            assertThat(texts.limitReason(REASON, requested, allowed, usedBefore))
                    .isEqualTo(ExplanationWriter.limitReason(REASON, requested, allowed, usedBefore));
        }
    }

    @Test
    void aCitationIsHandedOutOnlyForItsOwnCodeAndGroups() {
        WrittenTexts texts = new WrittenTexts();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4 * WrittenTexts.SLOTS; i++) {
            codes.add(Integer.toString(95_000 + i));
        }
        for (String code : codes) {
            for (long groups = 1; groups <= 3; groups++) {
                Citation found = texts.citation(code, groups);
                if (found != null) {
                    assertThat(found.trigger()).isEqualTo(trigger(code, groups));
                }
                texts.keep(code, groups, citation(code, groups));
                assertThat(texts.citation(code, groups).trigger()).isEqualTo(trigger(code, groups));
            }
        }
        for (String code : codes) {
            for (long groups = 1; groups <= 3; groups++) {
                Citation found = texts.citation(code, groups);
                assertThat(found == null || found.trigger().equals(trigger(code, groups))).as(code + " in " + groups).isTrue();
            }
        }
    }

    @Test
    void threadsRacingOnTheSlotsGetTheWritersTexts() throws Exception {
        WrittenTexts texts = new WrittenTexts();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> checked = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                checked.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int n = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int requested = random.nextInt(20);
                        int allowed = random.nextInt(20);
                        int usedBefore = random.nextInt(20);
                        if (!texts.limitReason(REASON, requested, allowed, usedBefore)
                                .equals(ExplanationWriter.limitReason(REASON, requested, allowed, usedBefore))) {
                            return -1;
                        }
                        String code = Integer.toString(95_000 + random.nextInt(300));
                        long groups = 1 + random.nextInt(3);
                        Citation found = texts.citation(code, groups);
                        if (found != null && !found.trigger().equals(trigger(code, groups))) {
                            return -1;
                        }
                        texts.keep(code, groups, citation(code, groups));
                        n++;
                    }
                    return n;
                }));
            }
            for (Future<Integer> f : checked) {
                assertThat(f.get()).isEqualTo(20_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Through the engine: 95860 is in both groups until the end of 2024 and in EMG only after, so the citation of a
     * statement without checks names both groups for a 2024 line and one group for a 2025 line, request after request
     * on one engine.
     */
    @Test
    void theSameCodeOnDatesWithOtherGroupsIsCitedWithEachDatesGroups() {
        Map<String, CodeGroup> groups = new LinkedHashMap<>();
        groups.put("EMG", new CodeGroup("EMG", "Needle EMG", "Codes", Map.of(Code.cpt("95860"), DateRange.ALWAYS), List.of()));
        groups.put("OLD", new CodeGroup("OLD", "Retired list", "Codes",
                Map.of(Code.cpt("95860"), new DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31))), List.of()));
        Statement decide = new Statement("emg", "section emg", Set.of("EMG", "OLD"), Set.of(), List.of(), new Effect.Decide(Outcome.CONDITIONAL),
                "emg applies.");
        Statement limit = new Statement("limit", "section limit", Set.of("EMG", "OLD"), Set.of(), List.of(),
                new Effect.LimitUnits(1, Effect.UnitScope.CODE, null, ""), "At most one unit.");
        Policy policy = new Policy("R1", "Rules", "Test payer", LocalDate.of(2020, 1, 1), null, null, Set.of(LineOfBusiness.COMMERCIAL),
                Map.of(), Set.of(), List.of(), List.of(), groups,
                Map.of("NOTHING", new CriteriaNode("nothing", "no criteria", CriteriaNode.Combinator.ALL, List.of())), List.of(decide, limit));
        Knowledge knowledge = new Knowledge("rules", new NoCodes(), new ListedPolicies(List.of(policy)), new NoEdits());
        CoverageDeterminer engine = new CoverageDeterminer(() -> knowledge, Clock.systemUTC());

        for (int round = 0; round < 3; round++) {
            Determination in2024 = twoLines(engine, LocalDate.of(2024, 6, 1)).get(1);
            Determination in2025 = twoLines(engine, LocalDate.of(2025, 6, 1)).get(1);

            // The statement's groups are a set: their order in the trigger is the policy's, not this test's.
            for (Citation citation : in2024.citations()) {
                assertThat(groupsNamed(citation.trigger())).containsExactlyInAnyOrder("EMG (Needle EMG)", "OLD (Retired list)");
            }
            assertThat(in2025.citations()).extracting(Citation::trigger).containsExactly("95860 is in EMG (Needle EMG)", "95860 is in EMG (Needle EMG)");
            assertThat(in2025.reasons().get(1)).isEqualTo("Policy R1 (Rules): At most one unit. Earlier lines of the request already use 1 "
                    + "unit(s) of the limit; 1 requested here, 0 allowed, the 1 unit(s) above the limit are not covered.");
        }
    }

    /**
     * Through the engine: citations of statements whose conditions read the line's diagnoses and modifiers, the
     * patient's age and sex and the place of service (each alone, and negated) name the facts of their own request.
     * One engine answers a stream of requests over few codes and many facts, with facts missing now and then; every
     * answer must equal that of an engine that has written nothing yet.
     */
    @ParameterizedTest(name = "when {0}")
    @CsvSource(delimiter = '|', value = {"any diagnosis in TUMOR", "primary diagnosis in TUMOR", "every diagnosis in TUMOR",
            "no diagnosis in TUMOR", "age 18 or more", "sex female", "modifier 22", "no modifier 22", "place 19 or 22",
            "age, sex, place and primary diagnosis"})
    void aCitationOfFactsNamesEachRequestsOwnFacts(String when) {
        Policy policy = factPolicy(switch (when) {
            case "any diagnosis in TUMOR" -> List.of(new Condition.DiagnosesAnyIn(Set.of("TUMOR")));
            case "primary diagnosis in TUMOR" -> List.of(new Condition.PrimaryDiagnosisIn(Set.of("TUMOR")));
            case "every diagnosis in TUMOR" -> List.of(new Condition.DiagnosesAllIn(Set.of("TUMOR")));
            case "no diagnosis in TUMOR" -> List.of(new Condition.NoDiagnosisIn(Set.of("TUMOR")));
            case "age 18 or more" -> List.of(new Condition.PatientAge(18, null));
            case "sex female" -> List.of(new Condition.PatientSex(Sex.FEMALE));
            case "modifier 22" -> List.of(new Condition.ModifierPresent(Set.of("22")));
            case "no modifier 22" -> List.of(new Condition.Not(new Condition.ModifierPresent(Set.of("22"))));
            case "place 19 or 22" -> List.of(new Condition.PlaceOfService(Set.of("19", "22")));
            default -> List.of(new Condition.PatientAge(18, null), new Condition.Not(new Condition.PatientSex(Sex.MALE)),
                    new Condition.PlaceOfService(Set.of("19", "22")), new Condition.PrimaryDiagnosisIn(Set.of("TUMOR")));
        });
        Knowledge knowledge = new Knowledge("facts", new NoCodes(), new ListedPolicies(List.of(policy)), new NoEdits());
        CoverageDeterminer longLived = new CoverageDeterminer(() -> knowledge, Clock.systemUTC());
        Random random = new Random(when.hashCode());
        int cited = 0;
        for (int i = 0; i < 8 * WrittenTexts.SLOTS; i++) {
            CoverageRequest request = factRequest(random);
            List<Determination> fresh = new CoverageDeterminer(() -> knowledge, Clock.systemUTC()).determine(request).determinations();
            List<Determination> kept = longLived.determine(request).determinations();
            assertThat(kept).as(request.toString()).isEqualTo(fresh);
            for (Determination line : kept) {
                cited += line.citations().stream().anyMatch(c -> "facts".equals(c.statementId())) ? 1 : 0;
            }
        }
        // The statement applied often enough for its texts to be handed out again, and to land on shared slots.
        assertThat(cited).isGreaterThan(WrittenTexts.SLOTS);
    }

    private static Policy factPolicy(List<Condition> when) {
        Map<String, CodeGroup> groups = new LinkedHashMap<>();
        groups.put("SURGERY", new CodeGroup("SURGERY", "Spine surgery", "Codes",
                Map.of(Code.cpt("63047"), DateRange.ALWAYS, Code.cpt("63030"), DateRange.ALWAYS), List.of()));
        // C41.2 leaves the list at the end of 2024: the same diagnosis is in TUMOR on one date and not on another.
        groups.put("TUMOR", new CodeGroup("TUMOR", "Tumours", "Codes", Map.of(Code.icd10cm("C71.1"), DateRange.ALWAYS,
                Code.icd10cm("C41.2"), new DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31))), List.of()));
        Statement facts = new Statement("facts", "section facts", Set.of("SURGERY"), Set.of(), when, new Effect.Decide(Outcome.COVERED),
                "Covered on these facts.");
        return new Policy("R2", "Facts", "Test payer", LocalDate.of(2020, 1, 1), null, null, Set.of(LineOfBusiness.COMMERCIAL),
                Map.of(), Set.of(), List.of(), List.of(), groups,
                Map.of("NOTHING", new CriteriaNode("nothing", "no criteria", CriteriaNode.Combinator.ALL, List.of())), List.of(facts));
    }

    private static CoverageRequest factRequest(Random random) {
        String[] diagnoses = {"C71.1", "C41.2", "M48.061", "M54.50"};
        List<RequestedLine> lines = new ArrayList<>();
        for (int l = 0; l < 1 + random.nextInt(3); l++) {
            List<CodeText> dx = new ArrayList<>();
            for (int d = 0; d < random.nextInt(3); d++) {
                dx.add(CodeText.diagnosis(diagnoses[random.nextInt(diagnoses.length)]));
            }
            lines.add(new RequestedLine(l + 1, CodeText.procedure(random.nextBoolean() ? "63047" : "63030"), 1,
                    random.nextInt(3) == 0 ? List.of("22") : List.of(), dx));
        }
        Integer age = random.nextInt(4) == 0 ? null : random.nextInt(40);
        Sex sex = random.nextInt(4) == 0 ? null : random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        String place = random.nextInt(4) == 0 ? null : new String[] {"11", "19", "22"}[random.nextInt(3)];
        LocalDate date = random.nextBoolean() ? LocalDate.of(2024, 6, 1) : LocalDate.of(2025, 6, 1);
        return new CoverageRequest(date, LineOfBusiness.COMMERCIAL, lines, Set.of(), new PatientFacts("Patient/1", null, age, sex), place);
    }

    private static List<Determination> twoLines(CoverageDeterminer engine, LocalDate date) {
        List<RequestedLine> lines = List.of(new RequestedLine(1, CodeText.procedure("95860"), 1, List.of(), List.of()),
                new RequestedLine(2, CodeText.procedure("95860"), 1, List.of(), List.of()));
        return engine.determine(new CoverageRequest(date, LineOfBusiness.COMMERCIAL, lines, Set.of())).determinations();
    }

    private static List<String> groupsNamed(String trigger) {
        assertThat(trigger).startsWith("95860 is in ");
        return List.of(trigger.substring("95860 is in ".length()).split(", "));
    }

    private static String trigger(String code, long groups) {
        return code + " is in groups " + groups;
    }

    private static Citation citation(String code, long groups) {
        return new Citation("R1", "Rules", LocalDate.of(2024, 1, 1), "section", "limit", trigger(code, groups));
    }
}
