package org.coverageengine.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.coverageengine.adapter.auth.AuthSettings;
import org.coverageengine.adapter.fhir.EndpointAdditions;
import org.coverageengine.adapter.fhir.ReadAccess;
import picocli.CommandLine.Option;

/**
 * The serve options that protect the endpoint: SMART Backend Services bearer tokens (checked against a JWKS or by
 * introspection) and HTTPS. Secrets come from environment variables only, never from the command line, where every
 * user of the machine can read them.
 */
final class SecurityOptions {

    /** The environment variable holding the password of the {@code --tls-keystore} file. */
    static final String TLS_PASSWORD_VARIABLE = "CPE_TLS_KEYSTORE_PASSWORD";

    @Option(names = "--auth-jwks", paramLabel = "PATH|URL",
            description = "Require SMART Backend Services JWT access tokens signed by a key of this JWKS (an https URL or a file).")
    String jwks;

    @Option(names = "--auth-issuer", paramLabel = "ISS", description = "The exact iss of valid access tokens.")
    String issuer;

    @Option(names = "--auth-audience", paramLabel = "AUD", description = "A value valid tokens' aud must contain: this server's FHIR base URL.")
    String audience;

    @Option(names = "--auth-token-endpoint", paramLabel = "URL",
            description = "The authorization server's token endpoint, published in .well-known/smart-configuration and /metadata.")
    String tokenEndpoint;

    @Option(names = "--auth-introspect", paramLabel = "URL",
            description = "Instead of --auth-jwks: check opaque tokens at this RFC 7662 endpoint (the server's own credentials in "
                    + AuthSettings.INTROSPECTION_CLIENT_ID_VARIABLE + " and " + AuthSettings.INTROSPECTION_CLIENT_SECRET_VARIABLE + ").")
    String introspect;

    @Option(names = "--tls-keystore", paramLabel = "PATH",
            description = "Serve HTTPS (TLS 1.2 and 1.3) with the key and certificate of this PKCS12 file; its password in "
                    + TLS_PASSWORD_VARIABLE + ".")
    Path tlsKeystore;

    @Option(names = "--allow-open-read",
            description = "Without access tokens, answer reads and searches of the record (CoverageEligibilityResponse, AuditEvent) to"
                    + " any client, not only to clients on this machine.")
    boolean allowOpenRead;

    /** Who may read the record over FHIR: token holders with read scopes when auth is on, else local clients unless opened. */
    ReadAccess readAccess(boolean authOn) {
        return authOn ? ReadAccess.TOKENS : allowOpenRead ? ReadAccess.OPEN : ReadAccess.LOOPBACK_ONLY;
    }

    /**
     * The token checking these options ask for, empty when none; throws IllegalArgumentException with a one-line
     * message naming the option when they contradict each other or one is missing.
     */
    Optional<AuthSettings> auth(Map<String, String> environment) {
        if (jwks == null && introspect == null) {
            String stray = issuer != null ? "--auth-issuer" : audience != null ? "--auth-audience"
                    : tokenEndpoint != null ? "--auth-token-endpoint" : null;
            if (stray != null) {
                throw new IllegalArgumentException("auth: " + stray + " needs --auth-jwks or --auth-introspect");
            }
            return Optional.empty();
        }
        if (jwks != null && introspect != null) {
            throw new IllegalArgumentException("auth: give --auth-jwks or --auth-introspect, not both");
        }
        if (allowOpenRead) {
            throw new IllegalArgumentException("auth: --allow-open-read is for a server without access tokens (with tokens, reading"
                    + " the record needs system/CoverageEligibilityResponse.rs or system/AuditEvent.rs)");
        }
        URI endpoint = tokenEndpoint == null ? null : url("--auth-token-endpoint", tokenEndpoint);
        if (jwks != null) {
            return Optional.of(AuthSettings.jwt(jwks, issuer, audience, endpoint));
        }
        return Optional.of(AuthSettings.introspection(url("--auth-introspect", introspect), issuer, audience, endpoint,
                AuthSettings.introspectionClientFrom(environment)));
    }

    /** Whether HTTPS was asked for. */
    boolean tls() {
        return tlsKeystore != null;
    }

    /**
     * The key HTTPS is served with, read from {@code --tls-keystore} with the password from the environment. Throws
     * IllegalArgumentException when the password variable is not set, IOException when the file cannot be read as a
     * PKCS12 key store holding a private key.
     */
    EndpointAdditions.TlsKey tlsKey(Map<String, String> environment) throws IOException {
        String password = environment.get(TLS_PASSWORD_VARIABLE);
        if (password == null) {
            throw new IllegalArgumentException("tls: set " + TLS_PASSWORD_VARIABLE + " to the password of --tls-keystore " + tlsKeystore);
        }
        if (!Files.isRegularFile(tlsKeystore) || !Files.isReadable(tlsKeystore)) {
            throw new IOException("no such readable file");
        }
        try (InputStream in = Files.newInputStream(tlsKeystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) {
                hasKey |= store.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new IOException("it holds no private key");
            }
            return new EndpointAdditions.TlsKey(store, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("not a PKCS12 key store this password opens", e);
        }
    }

    /** Whether the host is a loopback address, which only this machine can reach; a name is resolved once. */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static URI url(String option, String value) {
        try {
            return new URI(value.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("auth: " + option + " " + value + " is not a URL");
        }
    }
}
