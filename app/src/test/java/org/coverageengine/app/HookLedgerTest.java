package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.coverageengine.adapter.cdshooks.HookRecorder;
import org.coverageengine.adapter.memory.InMemoryDeterminationRecord;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.engine.DeterminationLedger;
import org.coverageengine.domain.record.AuditOutcome;
import org.coverageengine.domain.record.AuditQuery;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.ProcessingOutcome;
import org.coverageengine.domain.record.RecordedDetermination;
import org.junit.jupiter.api.Test;

/** Each CDS Hooks call kept as CRD asks: every coverage assertion a determination under its id, the call audited. */
class HookLedgerTest {

    private static final Instant RECEIVED = Instant.parse("2025-03-10T10:00:00Z");
    private static final Citation CITED = new Citation("0509", "IONM", LocalDate.of(2024, 9, 15), "Medical necessity", "0509-MN-1", null);

    private static HookRecorder.HookExchange exchange() {
        Determination decided = new Determination(1, "95940", CodeSystem.CPT, null, Outcome.CONDITIONAL, List.of("criteria to document"),
                List.of(CITED), List.of(), null, 1, true, List.of());
        return new HookRecorder.HookExchange("order-sign-crd", "order-sign", "hook-1", "https://ehr.example.org", RECEIVED, 200,
                "{\"hook\":\"order-sign\"}", "{\"cards\":[]}", "pat-1", "Coverage/cov-1", List.of(
                        new HookRecorder.Assertion("a-1", "ServiceRequest/sr-1", CodeSystem.CPT.uri(), "95940", List.of("C71.1"),
                                LocalDate.of(2025, 3, 10), LineOfBusiness.COMMERCIAL, "knowledge-1", decided),
                        new HookRecorder.Assertion("a-2", "DeviceRequest/dr-1", null, null, List.of(), LocalDate.of(2025, 3, 10),
                                LineOfBusiness.COMMERCIAL, null, null)));
    }

    @Test
    void keepsEveryAssertionUnderItsIdAndAuditsTheCallAboutTheFirst() {
        InMemoryDeterminationRecord store = new InMemoryDeterminationRecord();
        DeterminationLedger ledger = DeterminationLedger.keepingIn(store, Clock.systemUTC());
        new HookLedger(ledger, Clock.fixed(RECEIVED.plusMillis(40), ZoneOffset.UTC)).record(exchange());

        RecordedDetermination first = ledger.read("a-1").orElseThrow();
        assertThat(first.created()).isEqualTo(RECEIVED);
        assertThat(first.client().clientId()).isEqualTo("https://ehr.example.org");
        assertThat(first.patient().reference()).isEqualTo("Patient/pat-1");
        assertThat(first.coverages()).extracting(c -> c.reference()).containsExactly("Coverage/cov-1");
        assertThat(first.requestReference()).isEqualTo("ServiceRequest/sr-1");
        assertThat(first.lines()).singleElement().satisfies(line -> {
            assertThat(line.code()).isEqualTo("95940");
            assertThat(line.outcome()).isEqualTo(Outcome.CONDITIONAL);
            assertThat(line.diagnoses()).containsExactly("C71.1");
            assertThat(line.priorAuthorizationRequired()).isTrue();
        });
        assertThat(first.policyVersions()).extracting(p -> p.number()).containsExactly("0509");
        assertThat(first.knowledgeVersion()).isEqualTo("knowledge-1");
        assertThat(first.took().toMillis()).isEqualTo(40);
        assertThat(first.processingOutcome()).isEqualTo(ProcessingOutcome.COMPLETE);
        assertThat(first.response().mediaType()).isEqualTo("application/json");
        assertThat(new String(first.response().body(), StandardCharsets.UTF_8)).isEqualTo("{\"cards\":[]}");

        RecordedDetermination second = ledger.read("a-2").orElseThrow();
        assertThat(second.lines()).as("an order without a billing code").isEmpty();
        assertThat(second.processingOutcome()).isEqualTo(ProcessingOutcome.COMPLETE);

        List<AuditRecord> audits = ledger.searchAudit(AuditQuery.all(10)).items();
        assertThat(audits).singleElement().satisfies(audit -> {
            assertThat(audit.determinationId()).isEqualTo("a-1");
            assertThat(audit.subtype()).isEqualTo("operation");
            assertThat(audit.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(audit.query()).contains("/cds-services/order-sign-crd").contains("hookInstance=hook-1").contains("a-2");
        });
    }

    @Test
    void withRecordingOffNothingIsKeptAndNothingFails() {
        new HookLedger(DeterminationLedger.off(), Clock.systemUTC()).record(exchange());
    }
}
