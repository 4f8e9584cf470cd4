package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;

/** The client errors of the FHIR contract, each an OperationOutcome naming what is wrong and where. */
final class FhirErrors {

    private FhirErrors() {
    }

    static BaseServerResponseException badRequest(String where, String what) {
        InvalidRequestException e = new InvalidRequestException(message(where, what));
        e.setOperationOutcome(outcome(OperationOutcome.IssueType.INVALID, where, what));
        return e;
    }

    static BaseServerResponseException notFound(String where, String what) {
        InvalidRequestException e = new InvalidRequestException(message(where, what));
        e.setOperationOutcome(outcome(OperationOutcome.IssueType.NOTFOUND, where, what));
        return e;
    }

    static BaseServerResponseException tooLarge(String where, String what) {
        PayloadTooLargeException e = new PayloadTooLargeException(message(where, what));
        e.setOperationOutcome(outcome(OperationOutcome.IssueType.TOOCOSTLY, where, what));
        return e;
    }

    static BaseServerResponseException unsupportedMediaType(String what) {
        UnclassifiedServerFailureException e = new UnclassifiedServerFailureException(415, what);
        e.setOperationOutcome(outcome(OperationOutcome.IssueType.NOTSUPPORTED, "Content-Type", what));
        return e;
    }

    private static String message(String where, String what) {
        return where == null || where.isEmpty() ? what : where + ": " + what;
    }

    static OperationOutcome outcome(OperationOutcome.IssueType type, String where, String what) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(message(where, what));
        if (where != null && !where.isEmpty()) {
            issue.getExpression().add(new StringType(where));
        }
        return outcome;
    }
}
