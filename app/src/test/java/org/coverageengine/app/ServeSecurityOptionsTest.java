package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A contradictory or incomplete set of auth and TLS options stops serve with one line naming the option, exit 2. */
class ServeSecurityOptionsTest {

    private static final String[] JWT = {"--auth-issuer", "https://auth.payer.example", "--auth-audience", "https://coverage.payer.example/fhir"};

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("issuer alone", new String[] {"--auth-issuer", "https://auth.payer.example"}, "auth: --auth-issuer needs --auth-jwks or --auth-introspect"),
                Arguments.of("token endpoint alone", new String[] {"--auth-token-endpoint", "https://auth.payer.example/token"},
                        "auth: --auth-token-endpoint needs --auth-jwks or --auth-introspect"),
                Arguments.of("both ways of checking", new String[] {"--auth-jwks", "https://auth.payer.example/certs", "--auth-introspect",
                        "https://auth.payer.example/introspect"}, "auth: give --auth-jwks or --auth-introspect, not both"),
                Arguments.of("JWKS without issuer", new String[] {"--auth-jwks", "https://auth.payer.example/certs", "--auth-token-endpoint",
                        "https://auth.payer.example/token"}, "auth: --auth-issuer is needed to check tokens against a JWKS"),
                Arguments.of("JWKS without token endpoint", concat(new String[] {"--auth-jwks", "https://auth.payer.example/certs"}, JWT),
                        "auth: --auth-token-endpoint is needed"),
                Arguments.of("JWKS over clear text", concat(new String[] {"--auth-jwks", "http://auth.payer.example/certs", "--auth-token-endpoint",
                        "https://auth.payer.example/token"}, JWT), "must use https"),
                Arguments.of("a JWKS file that is not there", concat(new String[] {"--auth-jwks", "no-such-jwks.json", "--auth-token-endpoint",
                        "https://auth.payer.example/token"}, JWT), "is neither an http(s) URL nor a readable file"),
                Arguments.of("open reads with access tokens", concat(new String[] {"--allow-open-read", "--auth-jwks",
                        "https://auth.payer.example/certs", "--auth-token-endpoint", "https://auth.payer.example/token"}, JWT),
                        "auth: --allow-open-read is for a server without access tokens"),
                Arguments.of("TLS without the password variable", new String[] {"--tls-keystore", "server.p12"},
                        "tls: set CPE_TLS_KEYSTORE_PASSWORD"));
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithOneLine(String name, String[] options, String message) {
        assumeTrue(!name.startsWith("TLS") || System.getenv(SecurityOptions.TLS_PASSWORD_VARIABLE) == null,
                "the TLS password variable is set in this environment");
        Cli cli = Cli.run(concat(new String[] {"serve", "--port", "0"}, options));

        assertThat(cli.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().strip()).contains(message).doesNotContain("\n");
        assertThat(cli.out()).doesNotContain("serving");
    }
}
