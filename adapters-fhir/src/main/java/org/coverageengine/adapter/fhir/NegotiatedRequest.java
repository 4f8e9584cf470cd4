package org.coverageengine.adapter.fhir;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A request as HAPI sees it: when the client chose no answer format (no {@code _format}, no JSON or XML
 * {@code Accept}), it asks for FHIR JSON, so that an XML body without {@code Accept} is answered in JSON as the
 * contract says, instead of in the body's format as HAPI would choose.
 */
final class NegotiatedRequest extends HttpServletRequestWrapper {

    private static final String ACCEPT = "Accept";
    private static final String JSON = "application/fhir+json";

    private NegotiatedRequest(HttpServletRequest request) {
        super(request);
    }

    /** The request itself when the client chose a format, else a view of it that accepts FHIR JSON. */
    static HttpServletRequest of(HttpServletRequest request) {
        String format = queryParameter(request.getQueryString(), "_format");
        return ContentNegotiation.clientChoosesFormat(request.getHeader(ACCEPT), format) ? request : new NegotiatedRequest(request);
    }

    /** A query parameter read from the raw query string, so that nothing parses the body's form content here. */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Override
    public String getHeader(String name) {
        return ACCEPT.equalsIgnoreCase(name) ? JSON : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(JSON)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        java.util.List<String> names = Collections.list(super.getHeaderNames());
        if (names.stream().noneMatch(ACCEPT::equalsIgnoreCase)) {
            names.add(ACCEPT);
        }
        return Collections.enumeration(names);
    }
}
