package org.coverageengine.app;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.EndpointAdditions;

/** How {@code serve} knows it is ready: it asks its own {@code /metadata}, as a client would, before saying it started. */
final class Readiness {

    private Readiness() {
    }

    /** True when the server just started answers its own metadata (over loopback, trusting only its own certificate). */
    static boolean answers(CoverageFhirServer server, String host, EndpointAdditions.TlsKey tls) {
        return answers(readinessUrl(server, host), tls);
    }

    /**
     * A readiness check: the first request also initialises HAPI's request handling, so users never wait for it.
     * Over HTTPS it trusts only the server's own certificate.
     */
    private static boolean answers(String url, EndpointAdditions.TlsKey tls) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            if (tls != null && connection instanceof HttpsURLConnection secure) {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(tls.keyStore());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                secure.setSSLSocketFactory(context.getSocketFactory());
                // The certificate names the public host, not the loopback address dialled here; trusting nothing but
                // this server's own certificate already proves who answers.
                secure.setHostnameVerifier((host, session) -> true);
            }
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            connection.getInputStream().close();
            return status == 200;
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    /** The URL this process checks itself at: a wildcard bind is reached over loopback, never over the network. */
    private static String readinessUrl(CoverageFhirServer server, String host) {
        String base = server.baseUrl();
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress()) {
                String loopback = address instanceof java.net.Inet6Address ? "[::1]" : "127.0.0.1";
                base = URI.create(base).getScheme() + "://" + loopback + ":" + server.port() + "/fhir";
            }
        } catch (java.net.UnknownHostException e) {
            // The server is bound, so the name resolved a moment ago; keep the printed base URL.
        }
        return base + "/metadata";
    }
}
