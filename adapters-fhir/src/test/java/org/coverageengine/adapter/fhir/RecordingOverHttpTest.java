package org.coverageengine.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.coverageengine.adapter.memory.InMemoryDeterminationRecord;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.DeterminationLedger;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.port.out.DeterminationRecord;
import org.coverageengine.domain.record.AuditOutcome;
import org.coverageengine.domain.record.AuditQuery;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.DeterminationQuery;
import org.coverageengine.domain.record.DeterminationReport;
import org.coverageengine.domain.record.Page;
import org.coverageengine.domain.record.ProcessingOutcome;
import org.coverageengine.domain.record.RecordUnavailableException;
import org.coverageengine.domain.record.RecordedDetermination;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** $submit with recording on: every 200 answer is kept exactly as sent before it leaves; an unkeepable answer is a 503. */
class RecordingOverHttpTest {

    /** A record that can be made unreachable, as a lost database is. */
    static final class SwitchableRecord implements DeterminationRecord {
        final InMemoryDeterminationRecord kept = new InMemoryDeterminationRecord();
        volatile boolean down;

        private void check() {
            if (down) {
                throw new RecordUnavailableException("the database is down", Duration.ofSeconds(2), null);
            }
        }

        @Override public void keep(RecordedDetermination d) { check(); kept.keep(d); }
        @Override public Optional<RecordedDetermination> read(String id) { check(); return kept.read(id); }
        @Override public Page<RecordedDetermination> search(DeterminationQuery q) { check(); return kept.search(q); }
        @Override public void keepAudit(AuditRecord a) { check(); kept.keepAudit(a); }
        @Override public Optional<AuditRecord> readAudit(String id) { check(); return kept.readAudit(id); }
        @Override public Page<AuditRecord> searchAudit(AuditQuery q) { check(); return kept.searchAudit(q); }
        @Override public DeterminationReport report(Instant from, Instant before) { check(); return kept.report(from, before); }
        @Override public long deleteBefore(Instant cutoff) { check(); return kept.deleteBefore(cutoff); }
        @Override public String describe() { return "switchable"; }
        @Override public void close() { }
    }

    private static final SwitchableRecord RECORD = new SwitchableRecord();
    private static CoverageFhirServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new CoverageFhirServer("127.0.0.1", 0, RunningServer.SETTINGS, ServerLimits.DEFAULTS, EndpointAdditions.NONE,
                new CoverageDeterminer(RunningServer.KNOWLEDGE, Clock.systemUTC()), new PolicyDirectory(RunningServer.KNOWLEDGE),
                DeterminationLedger.keepingIn(RECORD, Clock.systemUTC())).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void up() {
        RECORD.down = false;
    }

    private static RunningServer.Reply submit(String contentType, String body) {
        return RunningServer.post(server.baseUrl(), "/CoverageEligibilityRequest/$submit", contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsEveryAnswerExactlyAsSentUnderItsId() {
        String body = RunningServer.FHIR.newJsonParser().encodeResourceToString(Requests.request("95940:C71.1", "95930:C71.1"));
        RunningServer.Reply reply = submit("application/fhir+json", body);
        assertThat(reply.status()).isEqualTo(200);
        String id = reply.as(CoverageEligibilityResponse.class).getIdElement().getIdPart();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        RecordedDetermination kept = RECORD.kept.read(id).orElseThrow();
        assertThat(new String(kept.response().body(), StandardCharsets.UTF_8)).isEqualTo(reply.body());
        assertThat(kept.response().mediaType()).startsWith("application/fhir+json");
        assertThat(kept.patient().reference()).isEqualTo("Patient/example");
        assertThat(kept.requestReference()).isEqualTo("CoverageEligibilityRequest/req-1");
        assertThat(kept.processingOutcome()).isEqualTo(ProcessingOutcome.COMPLETE);
        assertThat(kept.lines()).extracting(l -> l.code() + " " + l.diagnoses()).containsExactly("95940 [C71.1]", "95930 [C71.1]");
        CoverageEligibilityResponse sent = reply.as(CoverageEligibilityResponse.class);
        for (int i = 0; i < 2; i++) {
            String sentOutcome = ((org.hl7.fhir.r4.model.Coding) sent.getInsuranceFirstRep().getItem().get(i).getExtensionFirstRep().getValue()).getCode();
            assertThat(kept.lines().get(i).outcome()).isEqualTo(Outcome.fromCode(sentOutcome).orElseThrow());
        }
        assertThat(kept.policyVersions()).extracting(p -> p.number()).contains("0509");
        assertThat(kept.knowledgeVersion()).isNotBlank();

        assertThat(RECORD.kept.searchAudit(AuditQuery.all(10).withDetermination(id)).items())
                .singleElement().satisfies(audit -> {
                    assertThat(audit.subtype()).isEqualTo("operation");
                    assertThat(audit.action()).isEqualTo("E");
                    assertThat(audit.outcome()).isEqualTo(AuditOutcome.SUCCESS);
                    assertThat(audit.query()).isEqualTo("POST /fhir/CoverageEligibilityRequest/$submit");
                });
    }

    @Test
    void auditsARefusedRequestWithoutADetermination() {
        long before = RECORD.kept.searchAudit(AuditQuery.all(0).withOutcome(AuditOutcome.MINOR_FAILURE)).total();
        RunningServer.Reply reply = submit("application/fhir+json", "{\"resourceType\":\"Patient\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(RECORD.kept.searchAudit(AuditQuery.all(0).withOutcome(AuditOutcome.MINOR_FAILURE)).total()).isEqualTo(before + 1);
    }

    @Test
    void refusesWith503WhileTheRecordIsLostAndAnswersAgainAfter() {
        String body = RunningServer.FHIR.newJsonParser().encodeResourceToString(Requests.request("95940:C71.1"));
        long keptBefore = RECORD.kept.search(DeterminationQuery.all(0)).total();
        RECORD.down = true;
        RunningServer.Reply refused = submit("application/fhir+json", body);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).doesNotContain("CoverageEligibilityResponse");
        assertThat(refused.as(OperationOutcome.class).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TRANSIENT);
        assertThat(RECORD.kept.search(DeterminationQuery.all(0)).total()).isEqualTo(keptBefore);

        RECORD.down = false;
        assertThat(submit("application/fhir+json", body).status()).isEqualTo(200);
        assertThat(RECORD.kept.search(DeterminationQuery.all(0)).total()).isEqualTo(keptBefore + 1);
    }
}
