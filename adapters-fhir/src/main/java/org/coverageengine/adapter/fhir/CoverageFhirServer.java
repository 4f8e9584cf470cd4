package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import java.util.Objects;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.engine.DeterminationLedger;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.coverageengine.domain.port.in.ReadDeterminations;
import org.coverageengine.domain.port.in.RecordDeterminations;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The FHIR R4 endpoint on embedded Jetty 12 (ee10), serving at {@code /fhir} over HTTP or HTTPS. */
public final class CoverageFhirServer implements AutoCloseable {

    private static final int WORKER_THREADS = 64;

    /** The TLS versions served: older ones have known weaknesses and no client of a FHIR server needs them. */
    static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final Server jetty;
    private final ServerConnector connector;
    private final boolean https;
    private final ServletContextHandler context;

    /** Prepares a server on the host and port (0: any free port) over the domain's inbound ports, with the default limits. */
    public CoverageFhirServer(String host, int port, FhirSettings settings, DetermineCoverage determineCoverage, DescribePolicies policies) {
        this(host, port, settings, ServerLimits.DEFAULTS, determineCoverage, policies);
    }

    /** Prepares a server on the host and port (0: any free port) over the domain's inbound ports, recording nothing. */
    public CoverageFhirServer(String host, int port, FhirSettings settings, ServerLimits limits, DetermineCoverage determineCoverage,
            DescribePolicies policies) {
        this(host, port, settings, limits, EndpointAdditions.NONE, determineCoverage, policies, DeterminationLedger.off());
    }

    /**
     * Prepares a server on the host and port (0: any free port) over the domain's inbound ports, with what the caller
     * adds: filters in front of the endpoint, servlets beside it, HTTPS; recording nothing.
     */
    public CoverageFhirServer(String host, int port, FhirSettings settings, ServerLimits limits, EndpointAdditions additions,
            DetermineCoverage determineCoverage, DescribePolicies policies) {
        this(host, port, settings, limits, additions, determineCoverage, policies, DeterminationLedger.off());
    }

    /**
     * Prepares a server on the host and port (0: any free port) over the domain's inbound ports, with what the caller
     * adds (filters in front of the endpoint, servlets beside it, HTTPS), keeping every answer (before it is sent) and an
     * audit record of every request, refused ones included, through the record use case.
     */
    public CoverageFhirServer(String host, int port, FhirSettings settings, ServerLimits limits, EndpointAdditions additions,
            DetermineCoverage determineCoverage, DescribePolicies policies, RecordDeterminations record) {
        this(host, port, settings, limits, additions, determineCoverage, policies, record, DeterminationLedger.off(), ReadAccess.LOOPBACK_ONLY);
    }

    /**
     * Prepares a server on the host and port (0: any free port) over the domain's inbound ports, with what the caller
     * adds, keeping every answer and audit record through the record use case, and answering reads and searches of the
     * kept answers and the audit trail ({@code CoverageEligibilityResponse}, {@code AuditEvent}) to whom the access rule
     * lets in.
     */
    public CoverageFhirServer(String host, int port, FhirSettings settings, ServerLimits limits, EndpointAdditions additions,
            DetermineCoverage determineCoverage, DescribePolicies policies, RecordDeterminations record, ReadDeterminations read,
            ReadAccess readAccess) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(readAccess, "readAccess");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(additions, "additions");
        // Each connection queues at most about one task at a time, so twice the connection limit is never reached in
        // normal operation; it only keeps a misbehaving peer from growing the queue without bound.
        BlockingArrayQueue<Runnable> queue = new BlockingArrayQueue<>(256, 256, 2 * limits.maxConnections());
        QueuedThreadPool threads = new QueuedThreadPool(WORKER_THREADS, 8, 60_000, queue);
        threads.setName("fhir");
        jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        https = additions.tls() != null;
        if (https) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStore(additions.tls().keyStore());
            tls.setKeyStorePassword(additions.tls().password());
            tls.setIncludeProtocols(TLS_PROTOCOLS);
            http.setSecureScheme("https");
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // The certificate names the public host while local probes connect by address; clients check the
            // certificate against the host they dialled, and one certificate serves every name here.
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            // The same connector, limits and listeners as plain HTTP: only the bytes on the wire are encrypted.
            connector = new ServerConnector(jetty, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        connector.addBean(new HeaderDeadline(connector.getScheduler(), limits.readTimeout().toMillis()));
        context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder("fhir",
                new CoverageRestfulServer(fhirContext(), settings, determineCoverage, policies, record, read, readAccess));
        holder.setInitOrder(1);
        context.addServlet(holder, "/fhir/*");
        // Exact paths win over /fhir/* in servlet mapping, so these answer beside the FHIR servlet.
        additions.servlets().forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), "/fhir" + path));
        // The answer is buffered and recorded outermost, so a request the caller's filters refuse is audited too.
        AnswerRecorder recorder = new AnswerRecorder(fhirContext(), record, CoverageRestfulServer.SOFTWARE);
        context.addFilter(new FilterHolder(new WholeResponseFilter(recorder)),
                "/fhir/*", EnumSet.of(DispatcherType.REQUEST));
        // The caller's filters come next: a request they refuse never reaches the endpoint.
        for (Filter filter : additions.filters()) {
            context.addFilter(new FilterHolder(filter), "/fhir/*", EnumSet.of(DispatcherType.REQUEST));
        }
        Handler working = new OverloadHandler(context, limits.maxConcurrentRequests(), limits.maxConnections(), limits.queueTimeout(), recorder);
        Handler arriving = new ArrivalHandler(working, settings.maxBodyBytes(), limits.readTimeout().toMillis());
        jetty.setHandler(new StatisticsHandler.MinimumDataRateHandler(arriving, limits.minDataRate(), limits.minDataRate()));
        jetty.setStopAtShutdown(false);
        jetty.setStopTimeout(5_000);
    }

    /**
     * The server's own FHIR R4 context, built once per process. Its encoder does not look for resources to
     * auto-contain: responses only ever hold references by URL or display (see {@code ResponseMapper}), so that walk
     * over every element of every response (a sixth of a 1-line exchange's CPU, measured) would find nothing.
     * The server's context is its own so that this setting never reaches other users of HAPI's shared context.
     */
    public static FhirContext fhirContext() {
        return ServerContext.INSTANCE;
    }

    private static final class ServerContext {
        static final FhirContext INSTANCE = create();

        private static FhirContext create() {
            FhirContext context = FhirContext.forR4();
            context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
            return context;
        }
    }

    /**
     * Builds HAPI's FHIR model (about 1.5 s, once per process) on another thread, so that a caller can load its
     * knowledge meanwhile; the server then starts without that wait.
     */
    public static Thread warmUpInBackground() {
        Thread thread = new Thread(CoverageFhirServer::fhirContext, "fhir-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Mounts another servlet on this server beside {@code /fhir} (before {@link #start()}), behind the same limits, with
     * the filters in order in front of it; the more specific {@code /fhir/*} mapping keeps FHIR traffic away from it.
     */
    public CoverageFhirServer mount(String pathSpec, jakarta.servlet.Servlet servlet, jakarta.servlet.Filter... filters) {
        // A filter mapped to "/" would match nothing but the root: the default servlet's filters cover every path.
        String filterSpec = pathSpec.equals("/") ? "/*" : pathSpec;
        for (jakarta.servlet.Filter filter : filters) {
            context.addFilter(new FilterHolder(filter), filterSpec, EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(servlet), pathSpec);
        return this;
    }

    /** Starts serving; throws when the port cannot be bound. */
    public CoverageFhirServer start() throws Exception {
        jetty.start();
        return this;
    }

    /** The port actually bound. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL of the FHIR endpoint, e.g. http://127.0.0.1:8080/fhir (https when serving TLS). */
    public String baseUrl() {
        String host = connector.getHost() == null ? "localhost" : connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (https ? "https" : "http") + "://" + host + ":" + port() + "/fhir";
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops gracefully, letting requests in flight finish. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the server did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
