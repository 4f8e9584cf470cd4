package org.coverageengine.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.record.AuditOutcome;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.ClientIdentity;
import org.coverageengine.domain.record.Identifier;
import org.coverageengine.domain.record.PartyReference;
import org.coverageengine.domain.record.PolicyVersionUsed;
import org.coverageengine.domain.record.ProcessingOutcome;
import org.coverageengine.domain.record.RecordedDetermination;
import org.coverageengine.domain.record.RecordedLine;
import org.coverageengine.domain.record.SentResponse;

/** The record's rows: how determinations, their lines and audit records are written to and read from the tables. */
final class RecordRows {

    static final String DETERMINATION_COLUMNS = "d.id, d.created_us, d.client_id, d.client_subject, d.patient_ref, "
            + "d.patient_id_system, d.patient_id_value, d.coverages, d.request_ref, d.date_of_service, d.line_of_business, "
            + "d.policy_versions, d.knowledge_version, d.took_ns, d.processing_outcome, d.media_type, d.response";
    static final String LINE_COLUMNS = "l.determination_id, l.sequence_number, l.code_system, l.code, l.modifiers, l.units, "
            + "l.diagnoses, l.outcome, l.reasons, l.citations, l.prior_auth";
    static final String AUDIT_COLUMNS = "a.id, a.event_type, a.subtype, a.action, a.recorded_us, a.client_id, a.client_subject, "
            + "a.observer, a.outcome, a.determination_id, a.query, a.http_status";

    private static final String INSERT_DETERMINATION = "INSERT INTO determination (" + DETERMINATION_COLUMNS.replace("d.", "")
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LINE = "INSERT INTO determination_line (determination_id, pos, sequence_number, code_system, "
            + "code, modifiers, units, diagnoses, outcome, reasons, citations, prior_auth) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_AUDIT = "INSERT INTO audit_event (" + AUDIT_COLUMNS.replace("a.", "")
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private RecordRows() {
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Inserts the items (determinations and audit records, in any mix) as batches on the connection, without committing. */
    static void insert(Connection connection, List<Object> items) throws SQLException {
        try (PreparedStatement determinations = connection.prepareStatement(INSERT_DETERMINATION);
                PreparedStatement lines = connection.prepareStatement(INSERT_LINE);
                PreparedStatement audits = connection.prepareStatement(INSERT_AUDIT)) {
            int determinationCount = 0;
            int lineCount = 0;
            int auditCount = 0;
            for (Object item : items) {
                if (item instanceof RecordedDetermination determination) {
                    bindDetermination(determinations, determination);
                    determinations.addBatch();
                    determinationCount++;
                    int pos = 0;
                    for (RecordedLine line : determination.lines()) {
                        bindLine(lines, determination.id(), pos++, line);
                        lines.addBatch();
                        lineCount++;
                    }
                } else {
                    bindAudit(audits, (AuditRecord) item);
                    audits.addBatch();
                    auditCount++;
                }
            }
            // Parents before children: the lines reference their determination.
            if (determinationCount > 0) {
                determinations.executeBatch();
            }
            if (lineCount > 0) {
                lines.executeBatch();
            }
            if (auditCount > 0) {
                audits.executeBatch();
            }
        }
    }

    private static void bindDetermination(PreparedStatement s, RecordedDetermination d) throws SQLException {
        s.setString(1, d.id());
        s.setLong(2, micros(d.created()));
        s.setString(3, d.client() == null ? null : d.client().clientId());
        s.setString(4, d.client() == null ? null : d.client().subject());
        s.setString(5, d.patient().reference());
        s.setString(6, d.patient().identifier() == null ? null : d.patient().identifier().system());
        s.setString(7, d.patient().identifier() == null ? null : d.patient().identifier().value());
        List<String> coverages = new ArrayList<>();
        for (PartyReference coverage : d.coverages()) {
            coverages.add(coverage.reference());
            coverages.add(coverage.identifier() == null ? null : coverage.identifier().system());
            coverages.add(coverage.identifier() == null ? null : coverage.identifier().value());
        }
        s.setString(8, TextList.encode(coverages));
        s.setString(9, d.requestReference());
        if (d.dateOfService() == null) {
            s.setNull(10, Types.DATE);
        } else {
            s.setObject(10, d.dateOfService());
        }
        s.setString(11, d.lineOfBusiness() == null ? null : d.lineOfBusiness().code());
        List<String> policies = new ArrayList<>();
        for (PolicyVersionUsed policy : d.policyVersions()) {
            policies.add(policy.number());
            policies.add(policy.version() == null ? null : policy.version().toString());
        }
        s.setString(12, TextList.encode(policies));
        s.setString(13, d.knowledgeVersion());
        s.setLong(14, d.took().toNanos());
        s.setString(15, d.processingOutcome().code());
        s.setString(16, d.response().mediaType());
        s.setBytes(17, d.response().body());
    }

    private static void bindLine(PreparedStatement s, String id, int pos, RecordedLine line) throws SQLException {
        s.setString(1, id);
        s.setInt(2, pos);
        s.setInt(3, line.sequence());
        s.setString(4, line.system());
        s.setString(5, line.code());
        s.setString(6, TextList.encode(line.modifiers()));
        s.setInt(7, line.units());
        s.setString(8, TextList.encode(line.diagnoses()));
        s.setString(9, line.outcome().code());
        s.setString(10, TextList.encode(line.reasons()));
        s.setString(11, encodeCitations(line.citations()));
        s.setBoolean(12, line.priorAuthorizationRequired());
    }

    private static void bindAudit(PreparedStatement s, AuditRecord a) throws SQLException {
        s.setString(1, a.id());
        s.setString(2, a.type());
        s.setString(3, a.subtype());
        s.setString(4, a.action());
        s.setLong(5, micros(a.recorded()));
        s.setString(6, a.requestor() == null ? null : a.requestor().clientId());
        s.setString(7, a.requestor() == null ? null : a.requestor().subject());
        s.setString(8, a.observer());
        s.setString(9, a.outcome().code());
        s.setString(10, a.determinationId());
        s.setString(11, a.query());
        s.setInt(12, a.httpStatus());
    }

    static String encodeCitations(List<Citation> citations) {
        List<String> fields = new ArrayList<>();
        for (Citation c : citations) {
            fields.add(c.policyNumber());
            fields.add(c.policyTitle());
            fields.add(c.policyVersion() == null ? null : c.policyVersion().toString());
            fields.add(c.section());
            fields.add(c.statementId());
            fields.add(c.trigger());
        }
        return TextList.encode(fields);
    }

    static List<Citation> decodeCitations(String text) {
        List<String> f = TextList.decode(text);
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i + 5 < f.size(); i += 6) {
            citations.add(new Citation(f.get(i), f.get(i + 1), f.get(i + 2) == null ? null : LocalDate.parse(f.get(i + 2)),
                    f.get(i + 3), f.get(i + 4), f.get(i + 5)));
        }
        return citations;
    }

    /** A determination from a row of {@link #DETERMINATION_COLUMNS}, with its lines. */
    static RecordedDetermination determination(ResultSet r, List<RecordedLine> lines) throws SQLException {
        String clientId = r.getString(3);
        String idValue = r.getString(7);
        List<String> c = TextList.decode(r.getString(8));
        List<PartyReference> coverages = new ArrayList<>();
        for (int i = 0; i + 2 < c.size(); i += 3) {
            coverages.add(new PartyReference(c.get(i), c.get(i + 2) == null ? null : new Identifier(c.get(i + 1), c.get(i + 2))));
        }
        List<String> p = TextList.decode(r.getString(12));
        List<PolicyVersionUsed> policies = new ArrayList<>();
        for (int i = 0; i + 1 < p.size(); i += 2) {
            policies.add(new PolicyVersionUsed(p.get(i), p.get(i + 1) == null ? null : LocalDate.parse(p.get(i + 1))));
        }
        String lob = r.getString(11);
        return new RecordedDetermination(r.getString(1), instant(r.getLong(2)),
                clientId == null ? null : new ClientIdentity(clientId, r.getString(4)),
                new PartyReference(r.getString(5), idValue == null ? null : new Identifier(r.getString(6), idValue)),
                coverages, r.getString(9), r.getObject(10, LocalDate.class),
                lob == null ? null : LineOfBusiness.parse(lob).orElseThrow(), lines, policies, r.getString(13),
                Duration.ofNanos(r.getLong(14)), ProcessingOutcome.fromCode(r.getString(15)).orElseThrow(),
                new SentResponse(r.getBytes(17), r.getString(16)));
    }

    /** A line from a row of {@link #LINE_COLUMNS}. */
    static RecordedLine line(ResultSet r) throws SQLException {
        return new RecordedLine(r.getInt(2), r.getString(3), r.getString(4), TextList.decode(r.getString(5)), r.getInt(6),
                TextList.decode(r.getString(7)), Outcome.fromCode(r.getString(8)).orElseThrow(), TextList.decode(r.getString(9)),
                decodeCitations(r.getString(10)), r.getBoolean(11));
    }

    /** An audit record from a row of {@link #AUDIT_COLUMNS}. */
    static AuditRecord audit(ResultSet r) throws SQLException {
        String clientId = r.getString(6);
        return new AuditRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4), instant(r.getLong(5)),
                clientId == null ? null : new ClientIdentity(clientId, r.getString(7)), r.getString(8),
                AuditOutcome.fromCode(r.getString(9)).orElseThrow(), r.getString(10), r.getString(11), r.getInt(12));
    }
}
