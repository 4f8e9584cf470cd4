package org.coverageengine.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.adapter.fhir.ServerLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** serve: the FHIR endpoint at /fhir over the embedded default pack plus any packs and code files given. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve FHIR R4 CoverageEligibilityRequest/$submit at /fhir.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeOptions knowledge;

    @Mixin
    StoreOptions store;

    @Option(names = "--retain-days", paramLabel = "DAYS", defaultValue = "0",
            description = "Delete recorded answers and audit records older than DAYS, at start and daily (0, the default: keep everything).")
    int retainDays;

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

    /** A readiness check: the first request also initialises HAPI's request handling, so users never wait for it. */
    private static boolean answers(String url) {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            connection.getInputStream().close();
            return status == 200;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
        if (retainDays > 0 && !store.off()) {
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "retention");
                thread.setDaemon(true);
                return thread;
            }).scheduleWithFixedDelay(() -> {
                try {
                    LOG.info("Retention: deleted {} recorded answers older than {} days", record.ledger().retainDays(retainDays), retainDays);
                } catch (RuntimeException e) {
                    LOG.warn("Retention could not run now ({}); it runs again in a day", e.getClass().getSimpleName());
                }
            }, 0, 1, java.util.concurrent.TimeUnit.DAYS);
        }
        CoverageFhirServer server = new CoverageFhirServer(host, port, settings, limits, engine.determiner, engine.policies, record.ledger());
        try {
            server.start();
        } catch (Exception e) {
            err.println("The server could not start on " + host + ":" + port + ": " + e.getMessage());
            err.flush();
            server.close();
            record.close();
            return ExitCodes.SERVER_FAILED;
        }
        if (!answers(server.baseUrl() + "/metadata")) {
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
            reloads.scheduleWithFixedDelay(new KnowledgeReloader(engine.importer, knowledge.packs, knowledge.codeFiles, knowledge.limits(), loadedFiles),
                    reloadEverySeconds, reloadEverySeconds, java.util.concurrent.TimeUnit.SECONDS);
            out.println("Reloading packs and code files every " + reloadEverySeconds + " s (a bad file keeps the knowledge in force).");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.println("Coverage Policy Engine serving FHIR R4 at " + server.baseUrl());
        out.println("  POST " + server.baseUrl() + "/CoverageEligibilityRequest/$submit");
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
