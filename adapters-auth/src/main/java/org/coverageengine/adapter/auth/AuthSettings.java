package org.coverageengine.adapter.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How the server checks bearer tokens: either local validation of JWT access tokens against a JWKS, or RFC 7662
 * introspection of opaque tokens; and the token endpoint clients are told about.
 *
 * @param jwks                where the authorization server's public keys are: an https URL or a file path; null when
 *                            tokens are introspected
 * @param introspectionUrl    the RFC 7662 endpoint; null when tokens are validated locally
 * @param issuer              the exact {@code iss} of valid tokens (optional with introspection)
 * @param audience            a value valid tokens' {@code aud} must contain, usually this server's base URL
 *                            (optional with introspection)
 * @param tokenEndpoint       the authorization server's token endpoint, published by SMART discovery
 * @param introspectionClient credentials this server presents to the introspection endpoint, or null
 * @param networkTimeout      the connect and read timeout for the JWKS and introspection calls
 */
public record AuthSettings(String jwks, URI introspectionUrl, String issuer, String audience, URI tokenEndpoint,
                           IntrospectionClient introspectionClient, Duration networkTimeout) {

    /** The environment variable holding the client id this server introspects with. */
    public static final String INTROSPECTION_CLIENT_ID_VARIABLE = "CPE_AUTH_INTROSPECT_CLIENT_ID";
    /** The environment variable holding the client secret this server introspects with. */
    public static final String INTROSPECTION_CLIENT_SECRET_VARIABLE = "CPE_AUTH_INTROSPECT_CLIENT_SECRET";
    /** How long a JWKS or introspection call may take to connect, and then to answer. */
    public static final Duration DEFAULT_NETWORK_TIMEOUT = Duration.ofSeconds(5);

    /** The client id and secret this server authenticates with at the introspection endpoint (HTTP Basic). */
    public record IntrospectionClient(String clientId, String secret) {

        public IntrospectionClient {
            if (isBlank(clientId) || isBlank(secret)) {
                throw new IllegalArgumentException("auth: the introspection client needs both an id and a secret");
            }
        }

        @Override
        public String toString() {
            return "IntrospectionClient[clientId=" + clientId + ", secret=***]";
        }
    }

    public AuthSettings {
        if ((jwks == null) == (introspectionUrl == null)) {
            throw new IllegalArgumentException("auth: give either a JWKS location (--auth-jwks) or an introspection URL"
                    + " (--auth-introspect), exactly one of them");
        }
        if (jwks != null) {
            if (isBlank(issuer)) {
                throw new IllegalArgumentException("auth: --auth-issuer is needed to check tokens against a JWKS");
            }
            if (isBlank(audience)) {
                throw new IllegalArgumentException("auth: --auth-audience is needed to check tokens against a JWKS");
            }
            if (isHttpUrl(jwks)) {
                requireSafeUrl(URI.create(jwks.trim()), "--auth-jwks");
            } else if (!Files.isRegularFile(Path.of(jwks)) || !Files.isReadable(Path.of(jwks))) {
                throw new IllegalArgumentException("auth: --auth-jwks " + jwks + " is neither an http(s) URL nor a readable file");
            }
        } else {
            requireSafeUrl(introspectionUrl, "--auth-introspect");
        }
        if (tokenEndpoint == null) {
            throw new IllegalArgumentException("auth: --auth-token-endpoint is needed: clients discover it in .well-known/smart-configuration");
        }
        requireSafeUrl(tokenEndpoint, "--auth-token-endpoint");
        if (networkTimeout == null || networkTimeout.isNegative() || networkTimeout.isZero()) {
            throw new IllegalArgumentException("auth: the network timeout must be positive");
        }
    }

    /** Settings for JWT access tokens validated locally against a JWKS (an https URL or a file path). */
    public static AuthSettings jwt(String jwks, String issuer, String audience, URI tokenEndpoint) {
        return new AuthSettings(jwks, null, issuer, audience, tokenEndpoint, null, DEFAULT_NETWORK_TIMEOUT);
    }

    /** Settings for opaque tokens introspected at an RFC 7662 endpoint; issuer and audience may be null. */
    public static AuthSettings introspection(URI introspectionUrl, String issuer, String audience, URI tokenEndpoint,
                                             IntrospectionClient client) {
        return new AuthSettings(null, introspectionUrl, issuer, audience, tokenEndpoint, client, DEFAULT_NETWORK_TIMEOUT);
    }

    /** These settings with another network timeout. */
    public AuthSettings withNetworkTimeout(Duration timeout) {
        return new AuthSettings(jwks, introspectionUrl, issuer, audience, tokenEndpoint, introspectionClient, timeout);
    }

    /**
     * The introspection client from the environment ({@value #INTROSPECTION_CLIENT_ID_VARIABLE} and
     * {@value #INTROSPECTION_CLIENT_SECRET_VARIABLE}): null when neither is set, an error when only one is.
     */
    public static IntrospectionClient introspectionClientFrom(Map<String, String> environment) {
        String id = environment.get(INTROSPECTION_CLIENT_ID_VARIABLE);
        String secret = environment.get(INTROSPECTION_CLIENT_SECRET_VARIABLE);
        if (isBlank(id) && isBlank(secret)) {
            return null;
        }
        if (isBlank(id) || isBlank(secret)) {
            throw new IllegalArgumentException("auth: set both " + INTROSPECTION_CLIENT_ID_VARIABLE + " and "
                    + INTROSPECTION_CLIENT_SECRET_VARIABLE + ", or neither");
        }
        return new IntrospectionClient(id, secret);
    }

    static boolean isHttpUrl(String location) {
        String lower = location.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    // Keys and token verdicts fetched in clear text could be forged on the way; only a loopback peer is exempt.
    private static void requireSafeUrl(URI url, String option) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("auth: " + option + " " + url + " is not an absolute http(s) URL");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException("auth: " + option + " " + url + " must use https (http is accepted only for a loopback host)");
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are judged, so no name is resolved while settings are read.
        if (!host.matches("[0-9.]+|\\[[0-9A-Fa-f:.]+\\]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
