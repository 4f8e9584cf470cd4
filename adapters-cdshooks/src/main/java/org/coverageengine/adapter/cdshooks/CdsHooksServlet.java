package org.coverageengine.adapter.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.coverageengine.domain.record.RecordUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CDS Hooks endpoint, mounted at {@code /cds-services}: discovery on GET, one CRD service per hook on POST
 * {@code /cds-services/{id}}. Every refusal is an OperationOutcome with the status CDS Hooks and CRD give it.
 */
public final class CdsHooksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CdsHooksServlet.class);

    private final transient ObjectMapper json = new ObjectMapper();
    private final transient CdsSettings settings;
    private final String publicUrl;
    private final transient CdsClientVerifier verifier;
    private final transient HookRecorder recorder;
    private final transient Clock clock;
    private final transient CoverageRequirements requirements;
    private final transient byte[] discovery;

    /**
     * The endpoint over the domain's inbound ports. {@code publicUrl} is the URL clients call for {@code /cds-services}
     * (the JWT audience); {@code verifier} null leaves calls unchecked (development on loopback only).
     */
    public CdsHooksServlet(CdsSettings settings, String publicUrl, CdsClientVerifier verifier, HookRecorder recorder,
            DetermineCoverage determineCoverage, DescribePolicies policies, FhirContext fhir, Clock clock) {
        this.settings = settings;
        this.publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
        this.verifier = verifier;
        this.recorder = recorder == null ? HookRecorder.NONE : recorder;
        this.clock = clock;
        FhirQueries queries = new FhirQueries(json, settings.fhirTimeout());
        this.requirements = new CoverageRequirements(json, settings, determineCoverage, policies, new CoverageSource(fhir, queries, settings),
                queries, clock);
        try {
            this.discovery = json.writeValueAsBytes(Discovery.document(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the discovery document cannot be written", e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String id = path.replaceAll("^/+|/+$", "");
        try {
            String client = verifier == null ? null : verifier.verify(request.getHeader("Authorization"), audience(request, id));
            if (id.isEmpty()) {
                if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                    throw new HookFailure(405, "", "discovery is read with GET");
                }
                send(response, 200, discovery);
                return;
            }
            CrdService service = CrdService.byId(id).orElseThrow(() -> new HookFailure(404, "", "no CDS service has the id '"
                    + (id.length() > 60 ? id.substring(0, 60) + "..." : id) + "'"));
            if (!"POST".equals(request.getMethod())) {
                throw new HookFailure(405, "", "a CDS service is called with POST");
            }
            call(service, client, request, response);
        } catch (HookFailure failure) {
            refuse(response, failure);
        } catch (RuntimeException e) {
            // A defect, not the client's input: a generic answer; the log names the failure and where, never its
            // message, which may quote request data.
            LOG.error("A CDS Hooks call failed unexpectedly: {} at {}", e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            refuse(response, new HookFailure(500, "", "the service could not answer this call"));
        }
    }

    private String audience(HttpServletRequest request, String id) {
        String base = publicUrl != null ? publicUrl : request.getRequestURL().toString().replaceAll("/+$", "").replaceAll("/" + id + "$", "");
        return id.isEmpty() ? base : base + "/" + id;
    }

    private void call(CrdService service, String client, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Instant received = clock.instant();
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HookFailure(415, "Content-Type", "a hook request is sent as application/json");
        }
        byte[] body = body(request);
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw HookFailure.badRequest(where, "the body is not JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ")
                    .replaceAll("^(.{0,200}).*$", "$1"));
        }
        HookCall call = HookCall.read(service, parsed);
        CoverageRequirements.Answer answer = requirements.answer(call);
        byte[] out = json.writeValueAsBytes(answer.json());
        record(new HookRecorder.HookExchange(service.id(), service.hook(), call.hookInstance(), client, received, 200,
                new String(body, StandardCharsets.UTF_8), new String(out, StandardCharsets.UTF_8), call.patientId(), answer.coverageReference(),
                answer.assertions()));
        send(response, 200, out);
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
            if (body.length > settings.maxBodyBytes()) {
                throw new HookFailure(413, "", "the body is larger than " + settings.maxBodyBytes() + " bytes");
            }
            return body;
        }
    }

    private void record(HookRecorder.HookExchange exchange) {
        try {
            recorder.record(exchange);
        } catch (RecordUnavailableException e) {
            // No answer without a record, as on $submit: the EHR gets no cards and may call again; it never waits long.
            throw new HookFailure(503, "", "the answer could not be recorded, so it was not sent (every answer is kept before it is sent); try again in "
                    + Math.max(1, (e.retryAfter().toMillis() + 999) / 1000) + " s");
        } catch (RuntimeException e) {
            LOG.error("A hook call could not be recorded (service {}): {}", exchange.serviceId(), e.getClass().getName());
            throw new HookFailure(500, "", "the answer could not be recorded, so it was not sent (every answer is kept before it is sent)");
        }
    }

    private void refuse(HttpServletResponse response, HookFailure failure) throws IOException {
        ObjectNode outcome = json.createObjectNode().put("resourceType", "OperationOutcome");
        ObjectNode issue = outcome.putArray("issue").addObject().put("severity", "error").put("code", issueCode(failure.status()))
                .put("diagnostics", failure.where().isEmpty() ? failure.getMessage() : failure.where() + ": " + failure.getMessage());
        Optional.of(failure.where()).filter(w -> !w.isEmpty() && !w.startsWith("line ")).ifPresent(w -> issue.putArray("expression").add(w));
        if (failure.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        if (failure.status() == 503) {
            response.setHeader("Retry-After", "2");
        }
        send(response, failure.status(), json.writeValueAsBytes(outcome));
    }

    private static String issueCode(int status) {
        return switch (status) {
            case 401 -> "security";
            case 404 -> "not-found";
            case 405, 415 -> "not-supported";
            case 412 -> "incomplete";
            case 413 -> "too-costly";
            case 422 -> "business-rule";
            case 503 -> "transient";
            case 500 -> "exception";
            default -> "invalid";
        };
    }

    private static void send(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
