package org.coverageengine.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the composition root adds to the endpoint: filters run in front of every request below {@code /fhir},
 * servlets answer at exact paths beside the FHIR servlet, and a token endpoint in the settings makes the
 * CapabilityStatement declare SMART-on-FHIR security.
 */
class EndpointAdditionsTest {

    private static final URI TOKEN_ENDPOINT = URI.create("https://auth.payer.example/realms/coverage/token");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Refuses everything except the metadata, as an authentication filter would. */
    private static final Filter GATE = (request, response, chain) -> {
        if (((HttpServletRequest) request).getPathInfo() != null && ((HttpServletRequest) request).getPathInfo().equals("/metadata")) {
            chain.doFilter(request, response);
        } else {
            ((HttpServletResponse) response).sendError(401);
        }
    };

    private static final class Hello extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.getWriter().write("{\"hello\":true}");
        }
    }

    private static CoverageFhirServer start(FhirSettings settings, EndpointAdditions additions) throws Exception {
        return new CoverageFhirServer("127.0.0.1", 0, settings, ServerLimits.DEFAULTS, additions,
                new CoverageDeterminer(RunningServer.KNOWLEDGE, Clock.systemUTC()), new PolicyDirectory(RunningServer.KNOWLEDGE)).start();
    }

    private static HttpResponse<String> get(CoverageFhirServer server, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", "application/fhir+json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void filtersRunInFrontOfTheEndpointAndServletsAnswerBesideIt() throws Exception {
        EndpointAdditions additions = EndpointAdditions.NONE.withFilter(GATE).withServlet("/.well-known/hello", new Hello());
        try (CoverageFhirServer server = start(FhirSettings.DEFAULTS, additions)) {
            assertThat(get(server, "/metadata").statusCode()).isEqualTo(200);
            assertThat(get(server, "/CodeSystem/coverage-determination").statusCode()).isEqualTo(401);
            assertThat(get(server, "/.well-known/hello").statusCode()).isEqualTo(401);
        }
        try (CoverageFhirServer server = start(FhirSettings.DEFAULTS, EndpointAdditions.NONE.withServlet("/.well-known/hello", new Hello()))) {
            HttpResponse<String> hello = get(server, "/.well-known/hello");
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.body()).isEqualTo("{\"hello\":true}");
        }
    }

    @Test
    void aTokenEndpointMakesTheCapabilityStatementDeclareSmartSecurity() throws Exception {
        try (CoverageFhirServer server = start(FhirSettings.DEFAULTS.withSmartTokenEndpoint(TOKEN_ENDPOINT), EndpointAdditions.NONE)) {
            CapabilityStatement statement = RunningServer.FHIR.newJsonParser().parseResource(CapabilityStatement.class,
                    get(server, "/metadata").body());
            CapabilityStatement.CapabilityStatementRestSecurityComponent security = statement.getRestFirstRep().getSecurity();
            assertThat(security.getService()).singleElement().satisfies(service -> {
                assertThat(service.getCodingFirstRep().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/restful-security-service");
                assertThat(service.getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
            });
            Extension oauthUris = security.getExtensionByUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
            assertThat(oauthUris.getExtensionByUrl("token").getValue().primitiveValue()).isEqualTo(TOKEN_ENDPOINT.toString());
        }
    }

    @Test
    void withoutATokenEndpointTheCapabilityStatementDeclaresNoSecurity() {
        CapabilityStatement statement = RunningServer.get("/metadata", "application/fhir+json").as(CapabilityStatement.class);
        assertThat(statement.getRestFirstRep().hasSecurity()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "relative", "/a/../b", "/a/*", "/"})
    void servletPathsAreExactPathsBelowTheBase(String path) {
        assertThatThrownBy(() -> new EndpointAdditions(java.util.List.of(), Map.of(path, new Hello()), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
