package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.coverageengine.adapter.memory.InMemoryDeterminationRecord;
import org.coverageengine.adapter.web.RecordedDeterminations;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.engine.DeterminationLedger;
import org.coverageengine.domain.record.PartyReference;
import org.coverageengine.domain.record.ProcessingOutcome;
import org.coverageengine.domain.record.RecordedDetermination;
import org.coverageengine.domain.record.RecordedLine;
import org.coverageengine.domain.record.SentResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The /determinations pages over the record: what was kept comes back as the request and decision the pages show. */
class DeterminationHistoryTest {

    private static final DeterminationLedger LEDGER = DeterminationLedger.keepingIn(new InMemoryDeterminationRecord(), Clock.systemUTC());
    private static final DeterminationHistory HISTORY = new DeterminationHistory(LEDGER);
    private static final Citation CITED = new Citation("0509", "Intraoperative neurophysiologic monitoring", LocalDate.of(2024, 9, 15),
            "Medical necessity", "0509-MN-1", null);

    private static RecordedDetermination kept(String id, String created, List<RecordedLine> lines) {
        return new RecordedDetermination(id, Instant.parse(created), null, new PartyReference("Patient/p1", null), List.of(), null,
                LocalDate.of(2025, 3, 10), lines.isEmpty() ? null : LineOfBusiness.COMMERCIAL, lines, List.of(), "knowledge-1",
                Duration.ofMillis(3), lines.isEmpty() ? ProcessingOutcome.ERROR : ProcessingOutcome.COMPLETE,
                new SentResponse("{}".getBytes(StandardCharsets.UTF_8), "application/fhir+json"));
    }

    private static RecordedLine line(int sequence, String code, Outcome outcome) {
        return new RecordedLine(sequence, "CPT", code, List.of("26"), 2, List.of("C71.1"), outcome, List.of("a reason"), List.of(CITED), false);
    }

    @BeforeAll
    static void keep() {
        LEDGER.keep(kept("a", "2025-03-10T10:00:00Z", List.of(line(1, "95940", Outcome.CONDITIONAL), line(2, "61510", Outcome.COVERED))));
        LEDGER.keep(kept("b", "2025-03-11T10:00:00Z", List.of(line(1, "95940", Outcome.NOT_COVERED))));
        LEDGER.keep(kept("c", "2025-03-12T10:00:00Z", List.of(line(1, "97110", Outcome.NO_POLICY))));
        LEDGER.keep(kept("refused", "2025-03-12T11:00:00Z", List.of()));
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("everything with lines, newest first", RecordedDeterminations.Query.ALL, List.of("c", "b", "a")),
                Arguments.of("by code", new RecordedDeterminations.Query("95940", null, null, null), List.of("b", "a")),
                Arguments.of("by outcome of any line", new RecordedDeterminations.Query(null, Outcome.COVERED, null, null), List.of("a")),
                Arguments.of("by decided day, both ends included", new RecordedDeterminations.Query(null, null, LocalDate.of(2025, 3, 11),
                        LocalDate.of(2025, 3, 12)), List.of("c", "b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void findsWhatWasKept(String name, RecordedDeterminations.Query query, List<String> ids) {
        assertThat(HISTORY.find(query, 100)).extracting(RecordedDeterminations.Entry::id).containsExactlyElementsOf(ids);
    }

    @Test
    void stopsAtTheLimit() {
        assertThat(HISTORY.find(RecordedDeterminations.Query.ALL, 2)).extracting(RecordedDeterminations.Entry::id).containsExactly("c", "b");
    }

    @Test
    void rebuildsTheRequestAndDecisionAsKept() {
        RecordedDeterminations.Entry entry = HISTORY.byId("a").orElseThrow();
        assertThat(entry.decidedAt()).isEqualTo(Instant.parse("2025-03-10T10:00:00Z"));
        assertThat(entry.decisionTime()).isEqualTo(Duration.ofMillis(3));
        assertThat(entry.decision().knowledgeVersion()).isEqualTo("knowledge-1");
        assertThat(entry.decision().dateOfService()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(entry.decision().lineOfBusiness()).isEqualTo(LineOfBusiness.COMMERCIAL);
        assertThat(entry.decision().determinations()).extracting(d -> d.code() + " " + d.outcome().code() + " " + d.system())
                .containsExactly("95940 conditional CPT", "61510 covered CPT");
        assertThat(entry.decision().determinations().get(0).citations()).containsExactly(CITED);
        assertThat(entry.request().lines().get(0).procedure().system()).isEqualTo(CodeSystem.CPT);
        assertThat(entry.request().lines().get(0).modifiers()).containsExactly("26");
        assertThat(entry.request().lines().get(0).quantity()).isEqualTo(2);
        assertThat(entry.request().lines().get(0).diagnoses()).extracting(dx -> dx.text()).containsExactly("C71.1");
    }

    @Test
    void anAnswerWithoutLinesHasNothingToShow() {
        assertThat(HISTORY.byId("refused")).isEmpty();
        assertThat(HISTORY.byId("unknown")).isEmpty();
    }
}
