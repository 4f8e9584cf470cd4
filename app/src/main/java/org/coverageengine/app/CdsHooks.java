package org.coverageengine.app;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.coverageengine.adapter.cdshooks.CdsClientVerifier;
import org.coverageengine.adapter.cdshooks.CdsHooksServlet;
import org.coverageengine.adapter.cdshooks.CdsSettings;
import org.coverageengine.adapter.cdshooks.HookRecorder;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.domain.port.in.RecordDeterminations;

/** Wires the CDS Hooks services of {@code serve} beside /fhir: trusted clients, audience, payers served, the hook recorder. */
final class CdsHooks {

    /** The mounted endpoint and what serve must tell its operator about it. */
    record Mounted(List<String> warnings) {
        String url(CoverageFhirServer server) {
            return server.baseUrl().replaceAll("/fhir$", "/cds-services");
        }
    }

    private CdsHooks() {
    }

    /**
     * Mounts the services on the server; empty (after saying why on {@code err}) when an option is unusable. Each call
     * and its answer are kept through the record use case, unless recording is off.
     */
    static Optional<Mounted> mount(CoverageFhirServer server, String host, int port, List<String> clientSpecs, String publicUrl,
            Set<String> payers, int fhirTimeoutSeconds, FhirSettings fhir, CoverageEngine engine, RecordDeterminations record, PrintWriter err) {
        List<String> warnings = new ArrayList<>();
        List<CdsClientVerifier.TrustedClient> clients = new ArrayList<>();
        for (String spec : clientSpecs) {
            int eq = spec.indexOf('=');
            if (eq < 1 || eq == spec.length() - 1) {
                return refuse(err, "--cds-client needs ISS=JWKS_FILE_OR_URL, was '" + spec + "'");
            }
            clients.add(new CdsClientVerifier.TrustedClient(spec.substring(0, eq), spec.substring(eq + 1)));
        }
        String audience = publicUrl;
        if (!clients.isEmpty() && audience == null) {
            if (port == 0) {
                return refuse(err, "--cds-client with --port 0 needs --cds-public-url (the URL clients put in the JWT audience)");
            }
            audience = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/cds-services";
        }
        CdsClientVerifier verifier;
        CdsSettings settings;
        try {
            verifier = clients.isEmpty() ? null : new CdsClientVerifier(clients, CdsClientVerifier.DEFAULT_ALGORITHMS, Clock.systemUTC());
            settings = new CdsSettings(fhir.payerName(), payers, Duration.ofSeconds(fhirTimeoutSeconds), true, fhir.maxBodyBytes());
        } catch (IllegalArgumentException e) {
            return refuse(err, "CDS Hooks: " + e.getMessage());
        }
        if (verifier == null && !loopback(host)) {
            warnings.add("WARNING: /cds-services accepts calls without a CDS client JWT on " + host
                    + ", reachable from other machines: give --cds-client ISS=JWKS for every EHR (and serve behind TLS).");
        }
        HookRecorder recorder = HookRecorder.NONE;
        if (record.recording()) {
            recorder = new HookLedger(record, Clock.systemUTC());
        } else {
            warnings.add("Note: CDS Hooks calls and answers are not recorded (--store none), so this endpoint"
                    + " does not retain its guidance and hook logs as Da Vinci CRD requires (found-11, found-37).");
        }
        server.mount("/cds-services/*", new CdsHooksServlet(settings, audience, verifier, recorder, engine.determiner,
                engine.policies, CoverageFhirServer.fhirContext(), Clock.systemUTC()));
        return Optional.of(new Mounted(warnings));
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<Mounted> refuse(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return Optional.empty();
    }
}
