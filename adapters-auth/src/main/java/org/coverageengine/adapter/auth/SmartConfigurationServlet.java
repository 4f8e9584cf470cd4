package org.coverageengine.adapter.auth;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Answers {@code GET [base]/.well-known/smart-configuration}: how a SMART Backend Services client gets a token for
 * this server and which scopes it needs.
 */
public final class SmartConfigurationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The scopes this server honours: those that grant {@code $submit} (a create) and those that grant reads. */
    public static final List<String> SCOPES_SUPPORTED = List.of(
            "system/CoverageEligibilityRequest.c", "system/CoverageEligibilityRequest.write",
            "system/CoverageEligibilityRequest.rs", "system/CoverageEligibilityRequest.read",
            "system/CoverageEligibilityResponse.rs", "system/CoverageEligibilityResponse.read", "system/AuditEvent.rs", "system/AuditEvent.read");

    private final byte[] document;

    /** @param tokenEndpoint the authorization server's token endpoint */
    public SmartConfigurationServlet(URI tokenEndpoint) {
        this.document = ("{\"token_endpoint\":" + JsonText.quote(tokenEndpoint.toString())
                + ",\"grant_types_supported\":" + JsonText.array(List.of("client_credentials"))
                + ",\"token_endpoint_auth_methods_supported\":" + JsonText.array(List.of("private_key_jwt"))
                + ",\"token_endpoint_auth_signing_alg_values_supported\":" + JsonText.array(List.of("RS384", "ES384"))
                + ",\"scopes_supported\":" + JsonText.array(SCOPES_SUPPORTED)
                + ",\"capabilities\":" + JsonText.array(
                        List.of("client-confidential-asymmetric", "permission-v1", "permission-v2"))
                + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "max-age=300");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
