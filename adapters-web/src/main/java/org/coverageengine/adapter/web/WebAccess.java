package org.coverageengine.adapter.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who may see the pages. With a person-facing login every page asks for it. Without one, the pages answer everyone
 * when the FHIR endpoint is open, but only clients on a loopback address when it requires bearer tokens (machine
 * tokens do not suit a person in a browser). The determinations pages are never served without a login.
 */
public final class WebAccess implements Filter {

    private final boolean machineAuthOn;
    private final WebLogin login;

    /** Access for the given setting: machineAuthOn when the FHIR endpoint requires tokens; login may be null. */
    public WebAccess(boolean machineAuthOn, WebLogin login) {
        this.machineAuthOn = machineAuthOn;
        this.login = login;
    }

    /** True when a person-facing login is configured. */
    public boolean hasLogin() {
        return login != null;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        if (otherEndpoint(path)) {
            chain.doFilter(req, res);
            return;
        }
        if (login != null) {
            Optional<String> user = login.authenticate(request.getHeader("Authorization"));
            if (user.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Coverage Policy Engine\", charset=\"UTF-8\"");
                Layout.send(response, 401, Layout.page("Sign in", "", "<h1>Sign in</h1><p>These pages need a user name and password.</p>", false));
                return;
            }
            request.setAttribute(WebPages.USER, user.get());
        } else if (machineAuthOn && !loopback(request.getRemoteAddr())) {
            Layout.send(response, 403, Layout.page("Not here", "", "<h1>Not available from this address</h1><p>The FHIR endpoint requires "
                    + "tokens and no person-facing login is configured, so these pages answer only on this machine (a loopback "
                    + "address).</p>", false));
            return;
        }
        chain.doFilter(req, res);
    }

    /** The machine endpoints on the same server (FHIR, its discovery, CDS Hooks) have their own access rules. */
    static boolean otherEndpoint(String path) {
        for (String endpoint : new String[] {"/fhir", "/.well-known", "/cds-services"}) {
            if (path.equals(endpoint) || path.startsWith(endpoint + "/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean loopback(String address) {
        if (address == null || !(address.matches("[0-9.]{7,15}") || address.contains(":"))) {
            return false;
        }
        try {
            // Only literal addresses get here (dotted digits, or IPv6 with a colon), so this parses and never looks a name up.
            return InetAddress.getByName(address.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
