package org.coverageengine.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthSettingsTest {

    static final URI TOKEN = URI.create("https://auth.payer.example/token");

    @ParameterizedTest(name = "JWKS {0}, issuer {1}, audience {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            http://keys.payer.example/jwks  | https://iss | https://aud | must use https
            ftp://keys.payer.example/jwks   | https://iss | https://aud | is neither an http(s) URL nor a readable file
            no/such/jwks.json               | https://iss | https://aud | is neither an http(s) URL nor a readable file
            https://keys.payer.example/jwks | -           | https://aud | --auth-issuer is needed
            https://keys.payer.example/jwks | https://iss | ' '         | --auth-audience is needed
            """)
    void jwtSettingsSayWhatIsWrong(String jwks, String issuer, String audience, String message) {
        assertThatThrownBy(() -> AuthSettings.jwt(jwks, issuer, audience, TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} is accepted")
    @CsvSource({"https://keys.payer.example/jwks", "http://127.0.0.1:9000/jwks", "http://localhost/jwks",
            "http://[::1]:9000/jwks"})
    void httpsOrLoopbackKeyLocationsAreAccepted(String jwks) {
        assertThat(AuthSettings.jwt(jwks, "https://iss", "https://aud", TOKEN).jwks()).isEqualTo(jwks);
    }

    @Test
    void exactlyOneWayOfCheckingTokens() {
        assertThatThrownBy(() -> new AuthSettings(null, null, "i", "a", TOKEN, null, AuthSettings.DEFAULT_NETWORK_TIMEOUT))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new AuthSettings("https://k/jwks", URI.create("https://a/introspect"), "i", "a",
                TOKEN, null, AuthSettings.DEFAULT_NETWORK_TIMEOUT)).hasMessageContaining("exactly one");
    }

    @Test
    void theTokenEndpointIsNeededForDiscovery() {
        assertThatThrownBy(() -> AuthSettings.introspection(URI.create("https://a/introspect"), null, null, null, null))
                .hasMessageContaining("--auth-token-endpoint is needed");
    }

    @Test
    void introspectionCredentialsComeFromTheEnvironmentBothOrNeither() {
        assertThat(AuthSettings.introspectionClientFrom(Map.of())).isNull();
        assertThat(AuthSettings.introspectionClientFrom(Map.of(
                AuthSettings.INTROSPECTION_CLIENT_ID_VARIABLE, "rs", AuthSettings.INTROSPECTION_CLIENT_SECRET_VARIABLE, "pw")))
                .isEqualTo(new AuthSettings.IntrospectionClient("rs", "pw"))
                .hasToString("IntrospectionClient[clientId=rs, secret=***]");
        assertThatThrownBy(() -> AuthSettings.introspectionClientFrom(Map.of(AuthSettings.INTROSPECTION_CLIENT_ID_VARIABLE, "rs")))
                .hasMessageContaining("set both");
    }
}
