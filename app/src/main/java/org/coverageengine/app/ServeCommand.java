package org.coverageengine.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.coverageengine.adapter.auth.AccessTokenVerifier;
import org.coverageengine.adapter.auth.AuthSettings;
import org.coverageengine.adapter.auth.BearerTokenFilter;
import org.coverageengine.adapter.auth.SmartConfigurationServlet;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.EndpointAdditions;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.adapter.fhir.ServerLimits;
import org.coverageengine.adapter.web.KnowledgeStatus;
import org.coverageengine.adapter.web.WebAccess;
import org.coverageengine.adapter.web.WebPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** serve: the FHIR endpoint at /fhir over the embedded packs plus any packs and code files given. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve FHIR R4 CoverageEligibilityRequest/$submit at /fhir.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeOptions knowledge;

    @Mixin
    SecurityOptions security;

    @Mixin
    WebOptions web;

    @Mixin
    StoreOptions store;

    @Mixin
    CdsOptions cdsHooks;

    /** Where secrets are read from: the process environment, never the command line. */
    Map<String, String> environment = System.getenv();

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to bind; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--canonical-base", defaultValue = "http://coverage-policy-engine.example.org/fhir",
            description = "Base of the extension and CodeSystem canonical URLs (default: ${DEFAULT-VALUE}).")
    String canonicalBase;

    @Option(names = "--max-body-bytes", defaultValue = "1048576", description = "Largest accepted request body (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Option(names = "--max-items", defaultValue = "500", description = "Most items in one request (default: ${DEFAULT-VALUE}).")
    int maxItems;

    @Option(names = "--max-connections", defaultValue = "2000", description = "Most open connections; more wait to be accepted (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Close a connection silent for this long (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Answer 408 to a request whose headers and body have not arrived within this time (default: ${DEFAULT-VALUE}).")
    int readTimeoutSeconds;

    @Option(names = "--min-data-rate", paramLabel = "BYTES_PER_SECOND", defaultValue = "256",
            description = "Answer 408 to a client sending (or reading) slower than this (default: ${DEFAULT-VALUE}).")
    int minDataRate;

    @Option(names = "--max-concurrent-requests", defaultValue = "32",
            description = "Requests worked on at once; others wait up to --queue-timeout, then get 503 (default: ${DEFAULT-VALUE}).")
    int maxConcurrentRequests;

    @Option(names = "--queue-timeout", paramLabel = "SECONDS", defaultValue = "2",
            description = "Longest wait for a turn before 503 with Retry-After (default: ${DEFAULT-VALUE}).")
    int queueTimeoutSeconds;

    @Option(names = "--reload-every", paramLabel = "SECONDS", defaultValue = "0",
            description = "Re-read the --pack folders and --codes files every SECONDS and publish them when they read cleanly (0: never).")
    int reloadEverySeconds;


    private int usage(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return ExitCodes.USAGE;
    }

    private static KnowledgeStatus status(CoverageEngine engine, KnowledgeReloader reloader) {
        java.util.List<String> loaded = new java.util.ArrayList<>();
        loaded.add("policies: " + String.join(", ", engine.knowledge.get().policies().numbers()));
        loaded.add("codes at start: " + LookupCommand.counts(engine.summary.codesBySystem()));
        engine.summary.completeness().forEach(c -> loaded.add("complete code set: " + c));
        loaded.add(reloader == null ? "reloading: off" : "reloading: on");
        String failure = reloader == null ? null : reloader.lastFailure();
        return new KnowledgeStatus(engine.knowledge.get().version(), loaded, failure == null ? java.util.List.of() : java.util.List.of(failure));
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Checked before the knowledge is loaded, so a wrong option costs no wait.
        Optional<AuthSettings> auth;
        try {
            auth = security.auth(environment);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        EndpointAdditions additions = EndpointAdditions.NONE;
        if (security.tls()) {
            try {
                additions = additions.withTls(security.tlsKey(environment));
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            } catch (IOException e) {
                err.println("tls: --tls-keystore " + security.tlsKeystore + " could not be read: " + e.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
        }
        if (auth.isPresent()) {
            AuthSettings tokens = auth.get();
            // The protection space named in challenges: the audience is this server's base URL as clients know it.
            String realm = tokens.audience() != null ? tokens.audience()
                    : (security.tls() ? "https" : "http") + "://" + host + ":" + port + "/fhir";
            try {
                additions = additions.withFilter(new BearerTokenFilter(AccessTokenVerifier.from(tokens), realm, "/fhir"))
                        .withServlet("/.well-known/smart-configuration", new SmartConfigurationServlet(tokens.tokenEndpoint()));
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            }
        }
        boolean loopback = SecurityOptions.isLoopback(host);
        if (auth.isEmpty() && !loopback) {
            err.println("WARNING: no authentication and listening on " + host + ", which is not a loopback address: anyone who reaches"
                    + " this port can ask about patients (see --auth-jwks in docs/security.md).");
            err.flush();
        } else if (auth.isPresent() && !security.tls() && !loopback) {
            err.println("WARNING: listening on " + host + " without TLS: access tokens and patient data cross the network in clear text"
                    + " (use --tls-keystore or a TLS proxy in front).");
            err.flush();
        }
        Object access = web.access(auth.isPresent());
        if (access instanceof String problem) {
            err.println("Bad web options: " + problem);
            err.flush();
            return ExitCodes.USAGE;
        }
        CoverageFhirServer.warmUpInBackground();
        if (!knowledge.packs.isEmpty()) {
            CsvPolicyPack.warmUpInBackground();
        }
        // Taken before loading, so that a file changed while it loads is read again at the first reload.
        SourceFingerprint loadedFiles = reloadEverySeconds > 0
                ? SourceFingerprint.of(knowledge.packs, knowledge.codeFiles, knowledge.limits().packFileBytes()) : null;
        java.util.Optional<CoverageEngine> loaded = knowledge.loadOrReport(err, "Import failed, not starting");
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        CoverageEngine engine = loaded.get();
        FhirSettings settings = new FhirSettings(canonicalBase, maxBodyBytes, maxItems, FhirSettings.DEFAULTS.payerName());
        if (auth.isPresent()) {
            settings = settings.withSmartTokenEndpoint(auth.get().tokenEndpoint());
        }
        ServerLimits limits;
        try {
            limits = new ServerLimits(maxConnections, Duration.ofSeconds(idleTimeoutSeconds), Duration.ofSeconds(readTimeoutSeconds),
                    minDataRate, maxConcurrentRequests, Duration.ofSeconds(queueTimeoutSeconds));
        } catch (IllegalArgumentException e) {
            err.println("Bad server limits: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        // The determination record: opened before the server, so that no answer can leave unrecorded.
        java.util.Optional<StoreOptions.Opened> opened = store.open(err);
        if (opened.isEmpty()) {
            return ExitCodes.SERVER_FAILED;
        }
        StoreOptions.Opened record = opened.get();
        out.println(store.off() ? StoreOptions.OFF_NOTICE : "Recording every answer and audit record to " + record.ledger().describe());
        store.scheduleRetention(record);
        CoverageFhirServer server = new CoverageFhirServer(host, port, settings, limits, additions, engine.determiner, engine.policies,
                record.ledger(), record.ledger(), security.readAccess(auth.isPresent()));
        KnowledgeReloader reloader = reloadEverySeconds > 0
                ? new KnowledgeReloader(engine.importer, knowledge.packs, knowledge.codeFiles, knowledge.limits(), loadedFiles) : null;
        WebPages.Sources pages = new WebPages.Sources(engine.lookup, engine.policies, engine.determiner, () -> engine.knowledge.get().edits(),
                new WebFhirRendering(settings, engine.determiner, engine.policies), () -> status(engine, reloader),
                record.ledger().available() ? java.util.Optional.of(new DeterminationHistory(record.ledger())) : java.util.Optional.empty());
        server.mount("/", new WebPages(pages, (WebAccess) access), (WebAccess) access);
        java.util.Optional<CdsHooks.Mounted> cds = cdsHooks.mount(server, host, port, settings, engine, record.ledger(), err);
        if (cds.isEmpty()) {
            return ExitCodes.USAGE;
        }
        try {
            server.start();
        } catch (Exception e) {
            err.println("The server could not start on " + host + ":" + port + ": " + e.getMessage());
            err.flush();
            server.close();
            record.close();
            return ExitCodes.SERVER_FAILED;
        }
        if (!Readiness.answers(server, host, additions.tls())) {
            err.println("The server started but does not answer " + server.baseUrl() + "/metadata");
            err.flush();
            server.close();
            record.close();
            return ExitCodes.SERVER_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the FHIR server");
            server.close();
            record.close();
        }, "shutdown"));
        if (reloadEverySeconds > 0) {
            java.util.concurrent.ScheduledExecutorService reloads = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "reload");
                thread.setDaemon(true);
                return thread;
            });
            reloads.scheduleWithFixedDelay(reloader, reloadEverySeconds, reloadEverySeconds, java.util.concurrent.TimeUnit.SECONDS);
            out.println("Reloading packs and code files every " + reloadEverySeconds + " s (a bad file keeps the knowledge in force).");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.println("Coverage Policy Engine serving FHIR R4 at " + server.baseUrl());
        out.println("  POST " + server.baseUrl() + "/CoverageEligibilityRequest/$submit");
        auth.ifPresent(tokens -> {
            out.println("  Access tokens required (SMART Backend Services): " + (tokens.jwks() != null
                    ? "JWT signed by a key of " + tokens.jwks() + ", issuer " + tokens.issuer() + ", audience " + tokens.audience()
                    : "introspected at " + tokens.introspectionUrl()));
            out.println("  GET  " + server.baseUrl() + "/.well-known/smart-configuration (open)");
        });
        out.println("Web pages for people at " + server.baseUrl().substring(0, server.baseUrl().length() - "fhir".length()));
        out.println("Serving CDS Hooks (Da Vinci CRD " + "2.2.1) at " + cds.get().url(server));
        cds.get().warnings().forEach(out::println);
        out.println("Loaded " + engine.summary.version());
        out.println("  policies: " + engine.summary.policies() + " (" + String.join(", ", engine.knowledge.get().policies().numbers()) + ")");
        out.println("  codes: " + LookupCommand.counts(engine.summary.codesBySystem()));
        engine.summary.completeness().forEach(c -> out.println("  complete code set: " + c));
        out.println("Started in " + millis + " ms. Stop with Ctrl-C or SIGTERM.");
        out.flush();
        LOG.info("Started in {} ms at {}", millis, server.baseUrl());
        server.join();
        return ExitCodes.OK;
    }
}
