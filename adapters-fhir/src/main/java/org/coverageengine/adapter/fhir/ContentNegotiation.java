package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.rest.api.EncodingEnum;
import java.util.Locale;

/**
 * How the FHIR endpoint reads the media type headers: the request body's format and charset from
 * {@code Content-Type}, the answer's format from {@code _format} or {@code Accept} (JSON unless the client asks for XML).
 */
public final class ContentNegotiation {

    private static final int QUOTED_MAX = 40;

    private ContentNegotiation() {
    }

    /** A media type header split into its lower-case type and its charset parameter (null when none is given). */
    public record MediaType(String type, String charset) {

        /** Parses a header value such as {@code application/fhir+json; charset="UTF-8"}; never fails. */
        public static MediaType parse(String header) {
            if (header == null) {
                return new MediaType("", null);
            }
            String[] parts = header.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            String charset = null;
            for (int i = 1; i < parts.length; i++) {
                int equals = parts[i].indexOf('=');
                if (equals > 0 && parts[i].substring(0, equals).strip().equalsIgnoreCase("charset")) {
                    charset = unquote(parts[i].substring(equals + 1).strip()).toLowerCase(Locale.ROOT);
                }
            }
            return new MediaType(type, charset);
        }

        private static String unquote(String value) {
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1).strip() : value;
        }

        /** Whether the body may be read: no charset declared, or UTF-8. */
        public boolean utf8() {
            return charset == null || charset.equals("utf-8") || charset.equals("utf8");
        }
    }

    /** The format of a $submit body; a missing or unsupported media type, or a charset other than UTF-8, is a 415. */
    public static EncodingEnum requestEncoding(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw FhirErrors.unsupportedMediaType("a Content-Type is required: application/fhir+json, application/json or application/fhir+xml");
        }
        MediaType media = MediaType.parse(contentType);
        if (!media.utf8()) {
            throw FhirErrors.unsupportedMediaType(charsetRefusal(media));
        }
        switch (media.type()) {
            case "application/fhir+json":
            case "application/json":
            case "application/json+fhir":
                return EncodingEnum.JSON;
            case "application/fhir+xml":
            case "application/xml":
            case "text/xml":
            case "application/xml+fhir":
                return EncodingEnum.XML;
            default:
                throw FhirErrors.unsupportedMediaType("Content-Type " + quoted(media.type())
                        + " is not supported: send application/fhir+json, application/json or application/fhir+xml");
        }
    }

    /** The 415 text for a Content-Type whose charset is not UTF-8 (the charset quoted, shortened). */
    static String charsetRefusal(MediaType media) {
        return "charset " + quoted(media.charset()) + " is not supported: send UTF-8";
    }

    /**
     * Whether the client chose the answer's format: a {@code _format} parameter, or an {@code Accept} naming a JSON
     * or XML media type. A client that did not (no Accept, {@code *}{@code /*}, text/html) is answered in JSON.
     */
    public static boolean clientChoosesFormat(String accept, String format) {
        if (format != null && !format.isBlank()) {
            return true;
        }
        return accept != null && (accept.toLowerCase(Locale.ROOT).contains("json") || accept.toLowerCase(Locale.ROOT).contains("xml"));
    }

    /** The answer's format: XML when {@code _format} or the first JSON/XML media range of {@code Accept} says XML, else JSON. */
    public static EncodingEnum responseEncoding(String accept, String format) {
        if (format != null && !format.isBlank()) {
            return format.toLowerCase(Locale.ROOT).contains("xml") ? EncodingEnum.XML : EncodingEnum.JSON;
        }
        if (accept != null) {
            for (String range : accept.split(",")) {
                String type = MediaType.parse(range).type();
                if (type.contains("json")) {
                    return EncodingEnum.JSON;
                }
                if (type.contains("xml")) {
                    return EncodingEnum.XML;
                }
            }
        }
        return EncodingEnum.JSON;
    }

    private static String quoted(String text) {
        String shown = text == null ? "" : text.length() > QUOTED_MAX ? text.substring(0, QUOTED_MAX) + "..." : text;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
