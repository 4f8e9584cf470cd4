package org.coverageengine.adapter.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.coverageengine.domain.port.in.LookUpCode;
import org.coverageengine.domain.port.out.CodingEdits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages for billers and policy authors, one servlet mounted at the server's root beside /fhir: search, a code's page,
 * /try, /policies and (when a record is given and a login guards it) /determinations.
 */
public final class WebPages extends HttpServlet {

    /** The request attribute holding the signed-in user's name. */
    static final String USER = "org.coverageengine.web.user";
    private static final Logger LOG = LoggerFactory.getLogger(WebPages.class);

    /** What the pages read: the domain's inbound ports, the NCCI tables in force, and the app's adapters for the rest. */
    public record Sources(LookUpCode lookUp, DescribePolicies policies, DetermineCoverage determine, Supplier<CodingEdits> edits,
            FhirRendering fhir, Supplier<KnowledgeStatus> status, Optional<RecordedDeterminations> determinations) {

        /** Requires every source; determinations may be empty (recording off). */
        public Sources {
            Objects.requireNonNull(lookUp, "lookUp");
            Objects.requireNonNull(policies, "policies");
            Objects.requireNonNull(determine, "determine");
            Objects.requireNonNull(edits, "edits");
            Objects.requireNonNull(fhir, "fhir");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(determinations, "determinations");
        }
    }

    private final transient CodePages codes;
    private final transient TryPage tryPage;
    private final transient PoliciesPage policiesPage;
    private final transient DeterminationsPage determinationsPage;
    private final boolean determinationsShown;

    /** The pages over the sources; the determinations pages are served only when a record is given and access has a login. */
    public WebPages(Sources sources, WebAccess access) {
        this.codes = new CodePages(sources.lookUp(), sources.policies(), sources.edits());
        this.tryPage = new TryPage(sources.determine(), sources.policies(), sources.fhir());
        this.policiesPage = new PoliciesPage(sources.policies(), sources.status());
        this.determinationsPage = sources.determinations().map(DeterminationsPage::new).orElse(null);
        this.determinationsShown = determinationsPage != null && access.hasLogin();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            route(request, response, false);
        } catch (RuntimeException e) {
            failed(response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            route(request, response, true);
        } catch (RuntimeException e) {
            failed(response, e);
        }
    }

    private void failed(HttpServletResponse response, RuntimeException e) throws IOException {
        // The message may echo a code or diagnosis from the form: only the type goes to the log at this level.
        LOG.warn("A page failed: {}", e.getClass().getSimpleName());
        LOG.debug("A page failed", e);
        if (!response.isCommitted()) {
            response.resetBuffer();
            send(response, 500, "Something went wrong", "", "<h1>Something went wrong</h1><p>The page could not be built. The FHIR endpoint and "
                    + "the other pages are not affected.</p>");
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        String path = request.getRequestURI();
        if (path.startsWith("/static/")) {
            staticFile(path.substring("/static/".length()), response);
            return;
        }
        if (post && !path.equals("/try")) {
            response.setHeader("Allow", "GET");
            send(response, 405, "Not allowed", "", "<h1>Only GET is allowed here</h1>");
            return;
        }
        if (path.equals("/")) {
            send(response, 200, "Search codes", "/", codes.search(request.getParameter("q")));
        } else if (path.startsWith("/code/")) {
            String code = decoded(path.substring("/code/".length()));
            Optional<String> page = codes.code(code, request.getParameter("pair"));
            if (page.isPresent()) {
                send(response, 200, code, "/", page.get());
            } else {
                send(response, 404, "Unknown code", "/", "<h1>Unknown code</h1><p>Neither the catalog nor a loaded policy knows \u201c"
                        + Html.esc(code) + "\u201d. <a href=\"/?q=" + Html.url(code) + "\">Search for it</a>.</p>");
            }
        } else if (path.equals("/try")) {
            tryForm(request, response, post);
        } else if (path.equals("/policies")) {
            send(response, 200, "Policies", "/policies", policiesPage.list());
        } else if (path.startsWith("/policies/")) {
            String number = decoded(path.substring("/policies/".length()));
            Optional<String> page = policiesPage.one(number, request.getParameter("q"));
            if (page.isPresent()) {
                send(response, 200, "Policy " + number, "/policies", page.get());
            } else {
                send(response, 404, "Unknown policy", "/policies", "<h1>Unknown policy</h1><p>No loaded policy is numbered \u201c" + Html.esc(number)
                        + "\u201d. <a href=\"/policies\">All policies</a>.</p>");
            }
        } else if (path.equals("/determinations") || path.startsWith("/determinations/")) {
            determinations(request, response, path);
        } else {
            send(response, 404, "Not found", "", "<h1>Not found</h1><p>There is no page here. <a href=\"/\">Search codes</a>.</p>");
        }
    }

    private void tryForm(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        if (post && !CsrfTokens.valid(request)) {
            send(response, 403, "Form expired", "/try", "<h1>The form could not be accepted</h1><p>Its security token is missing or does not match "
                    + "this browser's. <a href=\"/try\">Open the form again</a> and resubmit.</p>");
            return;
        }
        String token = CsrfTokens.issue(request, response);
        String html = tryPage.render(name -> {
            if (!post) {
                return null;
            }
            String[] values = request.getParameterValues(name);
            return values == null ? null : String.join("\n", values);
        }, token, post);
        send(response, 200, "Try a determination", "/try", html);
    }

    private void determinations(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        if (determinationsPage == null || !determinationsShown || request.getAttribute(USER) == null) {
            send(response, 404, "Not available", "/determinations", "<h1>Determinations are not available</h1><p>They are shown only when the "
                    + "server records determinations and a person-facing login (<code>--web-auth basic</code>) guards the pages.</p>");
            return;
        }
        if (path.equals("/determinations")) {
            send(response, 200, "Determinations", "/determinations", determinationsPage.list(request.getParameter("code"),
                    request.getParameter("outcome"), request.getParameter("from"), request.getParameter("to")));
            return;
        }
        String id = decoded(path.substring("/determinations/".length()));
        Optional<String> page = determinationsPage.one(id);
        if (page.isPresent()) {
            send(response, 200, "Determination", "/determinations", page.get());
        } else {
            send(response, 404, "Unknown determination", "/determinations", "<h1>Unknown determination</h1>");
        }
    }

    private void send(HttpServletResponse response, int status, String title, String current, String body) throws IOException {
        Layout.send(response, status, Layout.page(title, current, body, determinationsShown));
    }

    private static String decoded(String part) {
        try {
            return java.net.URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    private static void staticFile(String name, HttpServletResponse response) throws IOException {
        String type = switch (name) {
            case "style.css" -> "text/css;charset=utf-8";
            case "copy.js" -> "text/javascript;charset=utf-8";
            default -> null;
        };
        if (type == null) {
            Layout.send(response, 404, Layout.page("Not found", "", "<h1>Not found</h1>", false));
            return;
        }
        Layout.secure(response);
        try (InputStream in = WebPages.class.getResourceAsStream(name)) {
            byte[] bytes = Objects.requireNonNull(in, name).readAllBytes();
            response.setHeader("Cache-Control", "max-age=3600");
            response.setContentType(type);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
