package org.coverageengine.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.coverageengine.domain.port.out.DeterminationRecord;
import org.coverageengine.domain.port.out.DeterminationRecordContract;
import org.coverageengine.domain.record.AuditOutcome;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.PartyReference;
import org.coverageengine.domain.record.RecordedDetermination;

/** Values wider than the record's columns, as either write path must refuse them: whole, before anything is kept. */
final class WideValues {

    private WideValues() {
    }

    static void areRefusedWholeAndRecordingGoesOn(DeterminationRecord record, Instant t0) {
        RecordedDetermination sample = DeterminationRecordContract.sample("wide", t0);
        RecordedDetermination wide = new RecordedDetermination(sample.id(), sample.created(), sample.client(),
                new PartyReference("Patient/" + "p".repeat(1100), null), sample.coverages(), sample.requestReference(),
                sample.dateOfService(), sample.lineOfBusiness(), sample.lines(), sample.policyVersions(), sample.knowledgeVersion(),
                sample.took(), sample.processingOutcome(), sample.response());
        AuditRecord audit = DeterminationRecordContract.audit("a-wide", t0, "ehr", "operation", AuditOutcome.SUCCESS, "wide");
        assertThatThrownBy(() -> record.keep(wide, audit)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("patient_ref is longer than 1024 characters");
        AuditRecord wideAudit = new AuditRecord("a-wide-2", audit.type(), audit.subtype(), "X".repeat(9), audit.recorded(),
                audit.requestor(), audit.observer(), audit.outcome(), null, audit.query(), audit.httpStatus());
        assertThat(record.keepAuditWithoutWaiting(wideAudit)).isFalse();
        record.keep(sample);
        assertThat(record.read("wide")).contains(sample);
        assertThat(record.readAudit("a-wide")).isEmpty();
        assertThat(record.readAudit("a-wide-2")).isEmpty();
    }
}
