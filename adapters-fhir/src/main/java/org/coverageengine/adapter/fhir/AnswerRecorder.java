package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;
import org.coverageengine.domain.port.in.RecordDeterminations;
import org.coverageengine.domain.record.AuditOutcome;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.ClientIdentity;
import org.coverageengine.domain.record.RecordUnavailableException;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Keeps each answer and the audit record of each request before the response leaves: a $submit's determination and
 * its audit record in one commit, any other request's audit record alone. When they cannot be kept, a successful
 * answer is replaced by 503 with Retry-After and an OperationOutcome, so no answer is ever sent unrecorded.
 */
final class AnswerRecorder {

    private static final Pattern AFTER_BASE = Pattern.compile("^.*?/fhir/?");

    /** The request attributes the bearer-token filter leaves the client's identity under. */
    static final String CLIENT_ATTRIBUTE = "org.coverageengine.auth.client";
    static final String SUBJECT_ATTRIBUTE = "org.coverageengine.auth.subject";

    /** What to send instead of an answer that could not be recorded. */
    record Refusal(int status, String contentType, String retryAfterSeconds, byte[] body) {
    }

    private final FhirContext context;
    private final RecordDeterminations record;
    private final String observer;

    AnswerRecorder(FhirContext context, RecordDeterminations record, String observer) {
        this.context = context;
        this.record = record;
        this.observer = observer;
    }

    /**
     * Records the exchange; returns null when the response may go as it is, else the refusal to send instead.
     */
    Refusal beforeRelease(HttpServletRequest request, int status, String contentType, byte[] body) {
        if (!record.recording()) {
            return null;
        }
        ClientIdentity client = identity(request);
        PendingRecord pending = request.getAttribute(PendingRecord.ATTRIBUTE) instanceof PendingRecord p && status == 200 ? p : null;
        String query = request.getMethod() + " " + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String subtype = interaction(request);
        AuditRecord audit = new AuditRecord(record.newId(), AuditRecord.REST, subtype, action(subtype), Instant.now(), client,
                observer, AuditOutcome.ofHttpStatus(status), pending != null ? pending.id() : entity(request), query, status);
        try {
            if (pending != null) {
                record.keep(pending.complete(client, body, contentType == null ? "application/fhir+json" : contentType), audit);
            } else {
                record.audit(audit);
            }
            return null;
        } catch (RecordUnavailableException e) {
            if (status >= 400) {
                // A refusal carries no answer; it goes out even though its audit record could not be kept.
                return null;
            }
            return refusal(request, e);
        }
    }

    /**
     * Audits a request refused (503) before it reached the endpoint because the server was too busy. It carries no
     * answer, so nothing waits for its commit: the record is handed over and kept with the next group. False only when
     * recording is on and the record could not take it (with recording off there is nothing to audit).
     */
    boolean auditOverloadRefusal(String method, String path, String query, int status) {
        if (!record.recording()) {
            return true;
        }
        String subtype = interaction(method, path);
        AuditRecord audit = new AuditRecord(record.newId(), AuditRecord.REST, subtype, action(subtype), Instant.now(), null, observer,
                AuditOutcome.ofHttpStatus(status), null, method + " " + path + (query == null ? "" : "?" + query), status);
        return record.auditWithoutWaiting(audit);
    }

    private Refusal refusal(HttpServletRequest request, RecordUnavailableException e) {
        EncodingEnum encoding = ContentNegotiation.responseEncoding(request.getHeader("Accept"),
                NegotiatedRequest.queryParameter(request.getQueryString(), "_format"));
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        OperationOutcome outcome = FhirErrors.outcome(OperationOutcome.IssueType.TRANSIENT, null,
                "The answer could not be recorded, so it was not sent (every answer is kept before it is sent). Try again in "
                        + seconds + " s.");
        byte[] bytes = (encoding == EncodingEnum.XML ? context.newXmlParser() : context.newJsonParser()).encodeResourceToString(outcome)
                .getBytes(StandardCharsets.UTF_8);
        return new Refusal(503, (encoding == EncodingEnum.XML ? "application/fhir+xml" : "application/fhir+json") + ";charset=utf-8",
                Long.toString(seconds), bytes);
    }

    /** The determination a read was about, when it found one. */
    private static String entity(HttpServletRequest request) {
        return request.getAttribute(RecordReading.ENTITY_ATTRIBUTE) instanceof String id ? id : null;
    }

    private static ClientIdentity identity(HttpServletRequest request) {
        Object client = request.getAttribute(CLIENT_ATTRIBUTE);
        Object subject = request.getAttribute(SUBJECT_ATTRIBUTE);
        if (client == null && subject == null) {
            return null;
        }
        return new ClientIdentity(client == null ? String.valueOf(subject) : client.toString(), subject == null ? null : subject.toString());
    }

    /** The FHIR RESTful interaction of the request (AuditEvent.subtype, code system restful-interaction). */
    static String interaction(HttpServletRequest request) {
        return interaction(request.getMethod(), request.getRequestURI());
    }

    /** The FHIR RESTful interaction of a request with this method and path. */
    static String interaction(String method, String path) {
        String[] parts = AFTER_BASE.matcher(path).replaceFirst("").split("/");
        boolean operation = path.contains("$");
        if (operation) {
            return "operation";
        }
        String first = parts.length == 0 ? "" : parts[0];
        switch (method) {
            case "GET", "HEAD" -> {
                if (first.isEmpty()) {
                    return "search-system";
                }
                if (first.equals("metadata")) {
                    return "capabilities";
                }
                if (parts.length >= 4 && parts[2].equals("_history")) {
                    return "vread";
                }
                return parts.length >= 2 ? "read" : "search-type";
            }
            case "POST" -> {
                return parts.length >= 2 && parts[1].equals("_search") ? "search-type" : "create";
            }
            case "PUT" -> {
                return "update";
            }
            case "PATCH" -> {
                return "patch";
            }
            case "DELETE" -> {
                return "delete";
            }
            default -> {
                return method.toLowerCase(java.util.Locale.ROOT);
            }
        }
    }

    /** AuditEvent.action for the interaction: C, R, U, D, or E (execute, which FHIR uses for operations and searches). */
    static String action(String interaction) {
        return switch (interaction) {
            case "create" -> "C";
            case "read", "vread", "capabilities" -> "R";
            case "update", "patch" -> "U";
            case "delete" -> "D";
            default -> "E";
        };
    }
}
