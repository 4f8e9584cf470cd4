package org.coverageengine.adapter.auth;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through only requests carrying a valid bearer access token whose SMART scopes grant what the request does,
 * and answers the others as RFC 6750 says, each with a FHIR OperationOutcome. The capability statement and the SMART
 * configuration stay open.
 */
public final class BearerTokenFilter implements Filter {

    /** The request attribute holding the verified token's {@code client_id} (a String), for recording who asked. */
    public static final String CLIENT_ATTRIBUTE = "org.coverageengine.auth.client";
    /** The request attribute holding the verified token's subject (a String). */
    public static final String SUBJECT_ATTRIBUTE = "org.coverageengine.auth.subject";

    private static final Logger LOG = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern QUOTABLE = Pattern.compile("[ -!#-\\[\\]-~]+");
    private static final String FHIR_JSON = "application/fhir+json;charset=utf-8";

    private final AccessTokenVerifier verifier;
    private final String realm;
    private final String basePath;

    /**
     * @param verifier checks the tokens
     * @param realm    the protection space named in challenges, e.g. the FHIR base URL
     * @param basePath the FHIR base below the servlet context, e.g. {@code /fhir}
     */
    public BearerTokenFilter(AccessTokenVerifier verifier, String realm, String basePath) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        if (!QUOTABLE.matcher(realm).matches()) {
            throw new IllegalArgumentException("auth: the realm must be printable ASCII without quotes or backslashes");
        }
        this.realm = realm;
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Optional<RequiredAccess> needed = requiredAccess(request);
        if (needed.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RequiredAccess required = needed.get();
        List<String> authorizations = Collections.list(request.getHeaders("Authorization"));
        if (authorizations.size() > 1) {
            refuse(response, required, HttpServletResponse.SC_BAD_REQUEST, "invalid_request",
                    "more than one Authorization header", null, "invalid",
                    "The request carries more than one Authorization header.", null);
            return;
        }
        String header = authorizations.isEmpty() ? null : authorizations.get(0);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(response, required, HttpServletResponse.SC_UNAUTHORIZED, null, null, null, "login",
                    "This server needs a SMART Backend Services access token: send it as Authorization: Bearer <token>.",
                    null);
            return;
        }
        String token = header.substring(7).strip();
        TokenCheck check = token.length() > AccessTokenVerifier.MAX_TOKEN_CHARS
                ? TokenRejection.invalid("token too large")
                : B64TOKEN.matcher(token).matches() ? verifier.verify(token) : TokenRejection.invalid("malformed token");
        if (check instanceof TokenRejection rejection) {
            if (rejection.kind() == TokenRejection.Kind.VERIFIER_UNAVAILABLE) {
                response.setHeader("Retry-After", "5");
                refuse(response, required, HttpServletResponse.SC_SERVICE_UNAVAILABLE, null, rejection.description(),
                        null, "transient", "The access token could not be checked now (" + rejection.description()
                                + "); try again later.", null);
            } else {
                refuse(response, required, HttpServletResponse.SC_UNAUTHORIZED, "invalid_token",
                        rejection.description(), null, "login",
                        "The access token was refused: " + rejection.description() + ".", null);
            }
            return;
        }
        VerifiedToken verified = (VerifiedToken) check;
        if (!verified.scopes().grant(required)) {
            refuse(response, required, HttpServletResponse.SC_FORBIDDEN, "insufficient_scope",
                    "the token's scopes do not grant this request", required.scope(), "forbidden",
                    "The access token's scopes do not grant this request: it needs " + required.scope()
                            + " or a scope including it.", verified.clientId());
            return;
        }
        request.setAttribute(CLIENT_ATTRIBUTE, verified.clientId());
        request.setAttribute(SUBJECT_ATTRIBUTE, verified.subject());
        chain.doFilter(request, response);
    }

    private Optional<RequiredAccess> requiredAccess(HttpServletRequest request) {
        // The servlet path and path info are decoded and normalised, unlike the raw request URI.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (basePath.isEmpty() || path.equals(basePath) || path.startsWith(basePath + "/")) {
            return RequiredAccess.of(method, path.substring(basePath.length()));
        }
        return Optional.of(RequiredAccess.outsideBase(method));
    }

    private void refuse(HttpServletResponse response, RequiredAccess required, int status, String error,
                        String description, String scope, String issueType, String diagnostics, String clientId)
            throws IOException {
        // One line, naming neither the token nor the path (which can hold a patient's resource id).
        LOG.info("Refused a request needing {}: {} {} ({}){}", required.scope(), status,
                error == null ? "no token" : error, description == null ? "-" : description,
                clientId == null ? "" : ", client " + printable(clientId));
        response.setStatus(status);
        if (status != HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("WWW-Authenticate", challenge(error, description, scope));
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        byte[] body = JsonText.operationOutcome(issueType, diagnostics).getBytes(StandardCharsets.UTF_8);
        response.setContentType(FHIR_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private String challenge(String error, String description, String scope) {
        StringBuilder value = new StringBuilder("Bearer realm=\"").append(realm).append('"');
        if (error != null) {
            value.append(", error=\"").append(error).append('"');
        }
        if (description != null) {
            value.append(", error_description=\"").append(description).append('"');
        }
        if (scope != null) {
            value.append(", scope=\"").append(scope).append('"');
        }
        return value.toString();
    }

    private static String printable(String value) {
        String shown = value.length() > 100 ? value.substring(0, 100) : value;
        return shown.replaceAll("[^ -~]", "?");
    }
}
