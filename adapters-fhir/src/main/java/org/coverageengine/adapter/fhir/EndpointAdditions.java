package org.coverageengine.adapter.fhir;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the composition root adds around the FHIR endpoint without this adapter knowing what it is for: servlet
 * filters in front of {@code /fhir/*} (in order, before any of the endpoint's own), servlets at paths below the FHIR
 * base, and the key for serving HTTPS instead of HTTP.
 *
 * @param filters  filters every request below {@code /fhir} passes, first to last
 * @param servlets servlets by their exact path below the FHIR base, e.g. {@code /.well-known/smart-configuration}
 * @param tls      the key and certificate to serve HTTPS with, or null for plain HTTP
 */
public record EndpointAdditions(List<Filter> filters, Map<String, HttpServlet> servlets, TlsKey tls) {

    /** Nothing added: plain HTTP, the FHIR endpoint alone. */
    public static final EndpointAdditions NONE = new EndpointAdditions(List.of(), Map.of(), null);

    public EndpointAdditions {
        filters = List.copyOf(filters);
        servlets = Map.copyOf(servlets);
        for (String path : servlets.keySet()) {
            if (!path.matches("(/[A-Za-z0-9._-]+)+") || path.contains("/../") || path.endsWith("/..")) {
                throw new IllegalArgumentException("a servlet path below the FHIR base must be an exact path like /a/b, not " + path);
            }
        }
    }

    /** A copy with one more filter, after the others. */
    public EndpointAdditions withFilter(Filter filter) {
        List<Filter> more = new ArrayList<>(filters);
        more.add(Objects.requireNonNull(filter, "filter"));
        return new EndpointAdditions(more, servlets, tls);
    }

    /** A copy with one more servlet at an exact path below the FHIR base. */
    public EndpointAdditions withServlet(String pathBelowBase, HttpServlet servlet) {
        Map<String, HttpServlet> more = new LinkedHashMap<>(servlets);
        more.put(pathBelowBase, Objects.requireNonNull(servlet, "servlet"));
        return new EndpointAdditions(filters, more, tls);
    }

    /** A copy serving HTTPS with this key. */
    public EndpointAdditions withTls(TlsKey key) {
        return new EndpointAdditions(filters, servlets, Objects.requireNonNull(key, "key"));
    }

    /**
     * The server's private key and certificate chain for HTTPS.
     *
     * @param keyStore a loaded key store holding one private key entry
     * @param password the key entry's password
     */
    public record TlsKey(KeyStore keyStore, String password) {

        public TlsKey {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "TlsKey[" + keyStore.getType() + ", password=***]";
        }
    }
}
