package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What an error answer may say: every OperationOutcome leaving the server is rewritten so that its diagnostics name
 * neither Java classes nor HAPI's message codes, and a failure that is not a client error is answered with a generic
 * text (its cause is still logged by HAPI for the operator).
 */
final class ErrorResponses {

    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+:\\s*");
    private static final Pattern STAX_LOCATION = Pattern.compile(
            "(?:\\w+Exception\\s+)?at\\s+\\[Line number = (\\d+)\\s+Column number = (\\d+)[^\\]]*\\]");
    private static final Pattern STAX_PARSE_ERROR = Pattern.compile("ParseError at \\[row,col\\]:\\[(\\d+),(\\d+)\\]\\s*Message:\\s*");
    private static final Pattern WOODSTOX_LOCATION = Pattern.compile("\\[?\\[row,col \\{[^}]*\\}\\]: \\[(\\d+),(\\d+)\\]\\]?");
    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(?:java|javax|jakarta|com|org|ca|sun|jdk)\\.(?:[a-z_][\\w]*\\.)+([A-Z][\\w$]*)");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

    /** Rewrites the answer's diagnostics; a failure other than a client or server error HAPI knows becomes a plain 500. */
    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException clean(Throwable thrown) {
        BaseServerResponseException answer = thrown instanceof BaseServerResponseException known ? known
                : new InternalErrorException("the server could not answer this request", thrown);
        OperationOutcome outcome = answer.getOperationOutcome() instanceof OperationOutcome given ? given
                : FhirErrors.outcome(OperationOutcome.IssueType.PROCESSING, null, answer.getMessage());
        for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
            if (issue.hasDiagnostics()) {
                issue.setDiagnostics(clientText(issue.getDiagnostics()));
            }
        }
        answer.setOperationOutcome(outcome);
        return answer;
    }

    /** A parser's or HAPI's message as a client may read it: positions kept, class names and message codes dropped. */
    static String clientText(String message) {
        if (message == null) {
            return "";
        }
        String text = HAPI_CODE.matcher(message).replaceAll("");
        text = STAX_LOCATION.matcher(text).replaceAll("at line $1, column $2");
        text = STAX_PARSE_ERROR.matcher(text).replaceAll("at line $1, column $2: ");
        text = WOODSTOX_LOCATION.matcher(text).replaceAll("line $1, column $2");
        text = JACKSON_SOURCE.matcher(text).replaceAll("[line: $1, column: $2]");
        text = BACKTICKED.matcher(text).replaceAll("the expected type");
        text = QUALIFIED_CLASS.matcher(text).replaceAll("the expected type");
        text = EXCEPTION_NAME.matcher(text).replaceAll("");
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
