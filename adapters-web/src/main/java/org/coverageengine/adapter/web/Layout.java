package org.coverageengine.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The frame shared by every page (head, navigation, main landmark) and the headers every answer carries. */
final class Layout {

    /** The sections in the navigation bar: path and label. */
    private static final String[][] NAV = {
        {"/", "Search codes"}, {"/try", "Try a determination"}, {"/policies", "Policies"}, {"/determinations", "Determinations"},
    };

    private Layout() {
    }

    /** A whole page: the title is text (escaped here), the body is HTML already escaped by its writer. */
    static String page(String title, String current, String body, boolean showDeterminations) {
        StringBuilder html = new StringBuilder(body.length() + 2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.esc(title)).append(" · Coverage Policy Engine</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/static/style.css\">\n")
                .append("<script src=\"/static/copy.js\" defer></script>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
                .append("<header><nav aria-label=\"Main\"><span class=\"brand\">Coverage Policy Engine</span><ul>");
        for (String[] item : NAV) {
            if (item[0].equals("/determinations") && !showDeterminations) {
                continue;
            }
            html.append("<li><a href=\"").append(item[0]).append('"').append(item[0].equals(current) ? " aria-current=\"page\"" : "")
                    .append('>').append(item[1]).append("</a></li>");
        }
        html.append("</ul></nav></header>\n<main id=\"main\">\n").append(body).append("\n</main>\n")
                .append("<footer><p>Answers are explained determinations from the loaded policies; the same engine answers "
                        + "<a href=\"/fhir/metadata\">FHIR at /fhir</a>.</p></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Sends an HTML answer with the security headers every page carries. */
    static void send(HttpServletResponse response, int status, String html) throws IOException {
        secure(response);
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The headers of every answer of the pages, static files and errors included. */
    static void secure(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "default-src 'self'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
    }
}
