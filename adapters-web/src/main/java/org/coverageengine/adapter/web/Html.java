package org.coverageengine.adapter.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The one escaping function every page uses for text it did not write itself, and the URL encoding of path parts. */
public final class Html {

    private Html() {
    }

    /**
     * Text safe inside an element or a double- or single-quoted attribute: the five HTML-significant characters become
     * references, and control characters other than tab and line breaks (which no page has reason to show) are dropped.
     */
    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= ' ' || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A value for a query string or path segment, percent-encoded and then escaped for the attribute it goes into. */
    public static String url(String value) {
        return esc(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** A fragment identifier for a name (letters, digits, '-' and '_' kept, anything else '-'). */
    public static String anchor(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : (name == null ? "" : name).toCharArray()) {
            out.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' ? c : '-');
        }
        return out.toString();
    }
}
