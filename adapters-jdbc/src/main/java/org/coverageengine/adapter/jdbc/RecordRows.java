package org.coverageengine.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private RecordRows() {
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** The rows that keep the items (determinations with their lines, and audit records, in any mix), in item order. */
    static List<Row> rows(List<Object> items) {
        List<Row> rows = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof RecordedDetermination determination) {
                rows.add(determinationRow(determination));
                int pos = 0;
                for (RecordedLine line : determination.lines()) {
                    rows.add(lineRow(determination.id(), pos++, line));
                }
            } else {
                rows.add(auditRow((AuditRecord) item));
            }
        }
        return rows;
    }

    /** The rows of the items, or null when a value is wider than its column (for writers that refuse without throwing). */
    static List<Row> rowsIfTheyFit(List<Object> items) {
        try {
            return rows(items);
        } catch (IllegalStateException tooWide) {
            return null;
        }
    }

    /** Inserts the rows as one batch per table on the connection, without committing. */
    static void insertRows(Connection connection, List<Row> rows) throws SQLException {
        // Parents before children: the lines reference their determination.
        for (Row.Table table : Row.Table.values()) {
            PreparedStatement statement = null;
            try {
                for (Row row : rows) {
                    if (row.table() == table) {
                        if (statement == null) {
                            statement = connection.prepareStatement(table.insert());
                        }
                        row.bind(statement);
                        statement.addBatch();
                    }
                }
                if (statement != null) {
                    statement.executeBatch();
                }
            } finally {
                if (statement != null) {
                    statement.close();
                }
            }
        }
    }

    private static Row determinationRow(RecordedDetermination d) {
        List<String> coverages = new ArrayList<>();
        for (PartyReference coverage : d.coverages()) {
            coverages.add(coverage.reference());
            coverages.add(coverage.identifier() == null ? null : coverage.identifier().system());
            coverages.add(coverage.identifier() == null ? null : coverage.identifier().value());
        }
        List<String> policies = new ArrayList<>();
        for (PolicyVersionUsed policy : d.policyVersions()) {
            policies.add(policy.number());
            policies.add(policy.version() == null ? null : policy.version().toString());
        }
        Identifier patientId = d.patient().identifier();
        return Row.of(Row.Table.DETERMINATION, d.id(), micros(d.created()),
                d.client() == null ? null : d.client().clientId(), d.client() == null ? null : d.client().subject(),
                d.patient().reference(), patientId == null ? null : patientId.system(), patientId == null ? null : patientId.value(),
                TextList.encode(coverages), d.requestReference(), d.dateOfService(),
                d.lineOfBusiness() == null ? null : d.lineOfBusiness().code(), TextList.encode(policies), d.knowledgeVersion(),
                d.took().toNanos(), d.processingOutcome().code(), d.response().mediaType(), d.response().body());
    }

    private static Row lineRow(String id, int pos, RecordedLine line) {
        return Row.of(Row.Table.LINE, id, pos, line.sequence(), line.system(), line.code(), TextList.encode(line.modifiers()),
                line.units(), TextList.encode(line.diagnoses()), line.outcome().code(), TextList.encode(line.reasons()),
                encodeCitations(line.citations()), line.priorAuthorizationRequired());
    }

    private static Row auditRow(AuditRecord a) {
        return Row.of(Row.Table.AUDIT, a.id(), a.type(), a.subtype(), a.action(), micros(a.recorded()),
                a.requestor() == null ? null : a.requestor().clientId(), a.requestor() == null ? null : a.requestor().subject(),
                a.observer(), a.outcome().code(), a.determinationId(), a.query(), a.httpStatus());
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
