package org.coverageengine.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.record.AuditOutcome;
import org.coverageengine.domain.record.AuditQuery;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.ClientIdentity;
import org.coverageengine.domain.record.DeterminationQuery;
import org.coverageengine.domain.record.DeterminationReport;
import org.coverageengine.domain.record.Identifier;
import org.coverageengine.domain.record.Page;
import org.coverageengine.domain.record.PartyReference;
import org.coverageengine.domain.record.PolicyVersionUsed;
import org.coverageengine.domain.record.ProcessingOutcome;
import org.coverageengine.domain.record.RecordedDetermination;
import org.coverageengine.domain.record.RecordedLine;
import org.coverageengine.domain.record.SentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link DeterminationRecord} must do: give back exactly what was kept (every field, the response's bytes),
 * refuse a second record under one id, find by each search criterion with a total and stable newest-first paging,
 * keep and find audit records, report a period with the shared arithmetic, delete by age, and keep what many
 * threads keep at once.
 */
public abstract class DeterminationRecordContract {

    /** A day in the records' past, so that periods and cut-offs are exact. */
    protected static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");
    private static final Citation IOM = new Citation("0509", "Intraoperative Monitoring", LocalDate.of(2024, 9, 15),
            "Coverage Policy", "IOM-MEDICAL-NECESSITY", "95940 is in IOM");
    private static final Citation VEP = new Citation("0509", "Intraoperative Monitoring", LocalDate.of(2024, 9, 15),
            "Coverage Policy", "IOM-VEP", "95930 is in VEP");

    private DeterminationRecord record;

    /** A new, empty record (a fresh database, schema migrated). */
    protected abstract DeterminationRecord emptyRecord();

    @BeforeEach
    void open() {
        record = emptyRecord();
    }

    @AfterEach
    void close() {
        record.close();
    }

    /** A full determination created at the instant, with a conditional 95940 line and a not-covered 95930 line. */
    public static RecordedDetermination sample(String id, Instant created) {
        return new RecordedDetermination(id, created, new ClientIdentity("ehr-client", "service-account-7"),
                new PartyReference("Patient/p1", new Identifier("http://example.org/member", "M-1")),
                List.of(new PartyReference("Coverage/c1", null), new PartyReference(null, new Identifier(null, "PLAN-9"))),
                "CoverageEligibilityRequest/r1", LocalDate.of(2025, 3, 10), LineOfBusiness.COMMERCIAL,
                List.of(new RecordedLine(1, CodeSystem.CPT.name(), "95940", List.of("59"), 4, List.of("C71.1"), Outcome.CONDITIONAL,
                                List.of("Covered when the criteria are met.", "Document them."), List.of(IOM), true),
                        new RecordedLine(2, CodeSystem.CPT.name(), "95930", List.of(), 1, List.of("C71.1", "G40.909"), Outcome.NOT_COVERED,
                                List.of("Not covered with IOM."), List.of(VEP), false)),
                List.of(new PolicyVersionUsed("0509", LocalDate.of(2024, 9, 15))), "pack default 2024.09.15-1",
                Duration.ofNanos(1_234_567), ProcessingOutcome.COMPLETE,
                new SentResponse(("{\"resourceType\":\"CoverageEligibilityResponse\",\"id\":\"" + id + "\",\"note\":\"é\"}")
                        .getBytes(StandardCharsets.UTF_8), "application/fhir+json;charset=utf-8"));
    }

    /** A one-line determination with the given variations, for searches and reports. */
    public static RecordedDetermination line(String id, Instant created, String patient, String code, Outcome outcome,
            ProcessingOutcome processing, LineOfBusiness lob, long tookMillis, boolean priorAuthorization) {
        return new RecordedDetermination(id, created, null, new PartyReference(patient, new Identifier("urn:m", patient + "-id")),
                List.of(), "CoverageEligibilityRequest/" + id, null, lob,
                List.of(new RecordedLine(1, null, code, List.of(), 1, List.of(), outcome, List.of("because"),
                        outcome == Outcome.NO_POLICY ? List.of() : List.of(IOM), priorAuthorization)),
                List.of(), "k1", Duration.ofMillis(tookMillis), processing,
                new SentResponse(new byte[] {'<', '/', '>'}, "application/fhir+xml"));
    }

    /** An audit record of a $submit by a client about a determination. */
    public static AuditRecord audit(String id, Instant recorded, String clientId, String subtype, AuditOutcome outcome, String determinationId) {
        return new AuditRecord(id, AuditRecord.REST, subtype, subtype.equals("operation") ? "E" : "R", recorded,
                clientId == null ? null : new ClientIdentity(clientId, clientId + "-subject"), "coverage-policy-engine",
                outcome, determinationId, "POST /fhir/CoverageEligibilityRequest/$submit?x=1", outcome == AuditOutcome.SUCCESS ? 200 : 400);
    }

    @Test
    void givesBackExactlyWhatWasKept() {
        RecordedDetermination kept = sample("d-1", T0.plusNanos(123_456_789));
        record.keep(kept);
        RecordedDetermination read = record.read("d-1").orElseThrow();
        assertThat(read).isEqualTo(kept);
        assertThat(read.response().body()).isEqualTo(kept.response().body());
        assertThat(read.created()).isEqualTo(Instant.parse("2025-03-10T12:00:00.123456Z"));
    }

    @Test
    void keepsAbsentPartsAbsent() {
        RecordedDetermination bare = new RecordedDetermination("bare", T0, null, null, List.of(), null, null, null,
                List.of(), List.of(), null, Duration.ZERO, ProcessingOutcome.ERROR, new SentResponse(new byte[0], "application/fhir+json"));
        record.keep(bare);
        assertThat(record.read("bare")).contains(bare);
    }

    @Test
    void readsNothingForAnUnknownId() {
        assertThat(record.read("no-such-id")).isEmpty();
        assertThat(record.readAudit("no-such-id")).isEmpty();
    }

    @Test
    void refusesASecondRecordUnderOneId() {
        record.keep(sample("same", T0));
        assertThatThrownBy(() -> record.keep(sample("same", T0.plusSeconds(1)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(record.read("same").orElseThrow().created()).isEqualTo(T0);
    }

    private void keepSearchData() {
        record.keep(line("a", T0, "Patient/p1", "95940", Outcome.CONDITIONAL, ProcessingOutcome.COMPLETE, LineOfBusiness.COMMERCIAL, 10, true));
        record.keep(line("b", T0.plusSeconds(60), "Patient/p1", "95930", Outcome.NOT_COVERED, ProcessingOutcome.COMPLETE, LineOfBusiness.MEDICARE, 20, false));
        record.keep(line("c", T0.plusSeconds(120), "Patient/p2", "95940", Outcome.INVALID, ProcessingOutcome.PARTIAL, LineOfBusiness.COMMERCIAL, 30, false));
        record.keep(line("d", T0.plusSeconds(180), "Patient/p3", "61510", Outcome.NO_POLICY, ProcessingOutcome.ERROR, null, 40, false));
    }

    static Stream<Arguments> criteria() {
        return Stream.of(
                Arguments.of("patient reference", (UnaryOperator<DeterminationQuery>) q -> q.withPatientReference("Patient/p1"), List.of("b", "a")),
                Arguments.of("patient identifier with system", (UnaryOperator<DeterminationQuery>) q -> q.withPatientIdentifier(new Identifier("urn:m", "Patient/p2-id")), List.of("c")),
                Arguments.of("patient identifier without system", (UnaryOperator<DeterminationQuery>) q -> q.withPatientIdentifier(new Identifier(null, "Patient/p3-id")), List.of("d")),
                Arguments.of("patient identifier of another system", (UnaryOperator<DeterminationQuery>) q -> q.withPatientIdentifier(new Identifier("urn:other", "Patient/p3-id")), List.of()),
                Arguments.of("created from, inclusive", (UnaryOperator<DeterminationQuery>) q -> q.createdBetween(T0.plusSeconds(120), null), List.of("d", "c")),
                Arguments.of("created before, exclusive", (UnaryOperator<DeterminationQuery>) q -> q.createdBetween(null, T0.plusSeconds(120)), List.of("b", "a")),
                Arguments.of("request reference", (UnaryOperator<DeterminationQuery>) q -> q.withRequestReference("CoverageEligibilityRequest/c"), List.of("c")),
                Arguments.of("processing outcome", (UnaryOperator<DeterminationQuery>) q -> q.withProcessingOutcome(ProcessingOutcome.COMPLETE), List.of("b", "a")),
                Arguments.of("line outcome", (UnaryOperator<DeterminationQuery>) q -> q.withLineOutcome(Outcome.NOT_COVERED), List.of("b")),
                Arguments.of("item code", (UnaryOperator<DeterminationQuery>) q -> q.withItemCode("95940"), List.of("c", "a")),
                Arguments.of("two criteria together", (UnaryOperator<DeterminationQuery>) q -> q.withItemCode("95940").withPatientReference("Patient/p1"), List.of("a")),
                Arguments.of("nothing", (UnaryOperator<DeterminationQuery>) q -> q, List.of("d", "c", "b", "a")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("criteria")
    void findsByEachCriterionNewestFirst(String name, UnaryOperator<DeterminationQuery> criterion, List<String> expected) {
        keepSearchData();
        Page<RecordedDetermination> page = record.search(criterion.apply(DeterminationQuery.all(50)));
        assertThat(page.items()).extracting(RecordedDetermination::id).containsExactlyElementsOf(expected);
        assertThat(page.total()).isEqualTo(expected.size());
    }

    @Test
    void pagesWithATotalAndNoOverlap() {
        for (int i = 0; i < 7; i++) {
            // two records per second, so the order within one instant must come from the id
            record.keep(line("p" + i, T0.plusSeconds(i / 2), "Patient/p1", "95940", Outcome.COVERED, ProcessingOutcome.COMPLETE, null, 1, false));
        }
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            Page<RecordedDetermination> page = record.search(DeterminationQuery.all(3).withPatientReference("Patient/p1").page(offset, 3));
            assertThat(page.total()).isEqualTo(7);
            assertThat(page.hasNext()).isEqualTo(offset + 3 < 7);
            page.items().forEach(d -> seen.add(d.id()));
        }
        assertThat(seen).containsExactly("p6", "p4", "p5", "p2", "p3", "p0", "p1");
        assertThat(record.search(DeterminationQuery.all(0)).total()).isEqualTo(7);
    }

    @Test
    void keepsReadsAndFindsAuditRecords() {
        record.keep(sample("d-1", T0));
        AuditRecord submitted = audit("a-1", T0, "ehr-client", "operation", AuditOutcome.SUCCESS, "d-1");
        AuditRecord refused = audit("a-2", T0.plusSeconds(1), null, "operation", AuditOutcome.MINOR_FAILURE, null);
        AuditRecord read = audit("a-3", T0.plusSeconds(2), "auditor", "read", AuditOutcome.SUCCESS, "d-1");
        record.keepAudit(submitted);
        record.keepAudit(refused);
        record.keepAudit(read);
        assertThat(record.readAudit("a-2")).contains(refused);
        assertThat(record.searchAudit(AuditQuery.all(10)).items()).containsExactly(read, refused, submitted);
        assertThat(record.searchAudit(AuditQuery.all(10).withDetermination("d-1")).items()).containsExactly(read, submitted);
        assertThat(record.searchAudit(AuditQuery.all(10).withClient("auditor")).items()).containsExactly(read);
        assertThat(record.searchAudit(AuditQuery.all(10).withSubtype("operation")).total()).isEqualTo(2);
        assertThat(record.searchAudit(AuditQuery.all(10).withOutcome(AuditOutcome.MINOR_FAILURE)).items()).containsExactly(refused);
        assertThat(record.searchAudit(AuditQuery.all(1).recordedBetween(T0, T0.plusSeconds(2)).page(1, 1)).items()).containsExactly(submitted);
    }

    @Test
    void keepsAnAuditRecordHandedOverWithoutWaitingNoLaterThanTheNextWaitedCommit() {
        AuditRecord refused = audit("a-busy", T0, null, "operation", AuditOutcome.SERIOUS_FAILURE, null);
        assertThat(record.keepAuditWithoutWaiting(refused)).isTrue();
        record.keep(sample("d-after", T0.plusSeconds(1)));
        assertThat(record.readAudit("a-busy")).contains(refused);
    }

    @Test
    void keepsADeterminationWithItsAuditRecord() {
        AuditRecord submitted = audit("a-1", T0, "ehr-client", "operation", AuditOutcome.SUCCESS, "d-1");
        record.keep(sample("d-1", T0), submitted);
        assertThat(record.read("d-1")).contains(sample("d-1", T0));
        assertThat(record.searchAudit(AuditQuery.all(10).withDetermination("d-1")).items()).containsExactly(submitted);
    }

    @Test
    void reportsAPeriodWithTheSharedArithmetic() {
        keepSearchData();
        record.keep(line("late", T0.plusSeconds(3600), "Patient/p9", "95940", Outcome.COVERED, ProcessingOutcome.COMPLETE, null, 99, false));
        DeterminationReport report = record.report(T0, T0.plusSeconds(3600));
        assertThat(report.determinations()).isEqualTo(4);
        assertThat(report.lines()).isEqualTo(4);
        assertThat(report.perOutcome()).containsEntry("conditional", 1L).containsEntry("not-covered", 1L)
                .containsEntry("invalid", 1L).containsEntry("no-policy", 1L).doesNotContainKey("covered");
        assertThat(report.perProcessingOutcome()).containsExactly(entry("complete", 2L), entry("error", 1L), entry("partial", 1L));
        assertThat(report.perPolicy()).containsExactly(entry("0509 (2024-09-15)", 3L));
        assertThat(report.perLineOfBusiness()).containsExactly(entry("commercial", 2L), entry("medicare", 1L), entry("unknown", 1L));
        assertThat(report.perCode()).containsExactly(entry("95940", 2L), entry("61510", 1L), entry("95930", 1L));
        assertThat(report.priorAuthorizationLines()).isEqualTo(1);
        assertThat(report.priorAuthorizationPerCode()).containsExactly(entry("95940", 1L));
        assertThat(report.priorAuthorizationShare()).isEqualTo(0.25);
        assertThat(report.p50()).isEqualTo(Duration.ofMillis(20));
        assertThat(report.p90()).isEqualTo(Duration.ofMillis(40));
        assertThat(report.p99()).isEqualTo(Duration.ofMillis(40));
    }

    private static java.util.Map.Entry<String, Long> entry(String key, long value) {
        return java.util.Map.entry(key, value);
    }

    @Test
    void deletesWhatIsOlderThanTheCutOff() {
        keepSearchData();
        record.keepAudit(audit("old", T0, null, "operation", AuditOutcome.SUCCESS, "a"));
        record.keepAudit(audit("new", T0.plusSeconds(180), null, "operation", AuditOutcome.SUCCESS, "d"));
        assertThat(record.deleteBefore(T0.plusSeconds(120))).isEqualTo(2);
        assertThat(record.read("a")).isEmpty();
        assertThat(record.read("b")).isEmpty();
        assertThat(record.read("c")).isPresent();
        assertThat(record.search(DeterminationQuery.all(10).withItemCode("95930")).total()).isZero();
        assertThat(record.readAudit("old")).isEmpty();
        assertThat(record.readAudit("new")).isPresent();
    }

    @Test
    void keepsWhatManyThreadsKeepAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> kept = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = "t" + i;
                Instant created = T0.plusMillis(i);
                kept.add(pool.submit(() -> record.keep(sample(id, created))));
            }
            for (Future<?> future : kept) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(record.search(DeterminationQuery.all(1)).total()).isEqualTo(400);
        assertThat(record.read("t399")).contains(sample("t399", T0.plusMillis(399)));
    }
}
