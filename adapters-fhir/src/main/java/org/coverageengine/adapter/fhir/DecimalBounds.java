package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Set;

/**
 * Refuses bodies holding a number that is cheap to write and ruinous to parse, in one linear pass before any parser
 * runs: every JSON number, every JSON string and XML {@code value} attribute that is wholly a number, may have at
 * most {@value #MAX_DIGITS} digits and an exponent within &plusmn;{@value #MAX_EXPONENT}. Text that merely contains
 * a number is not a number.
 *
 * <p>Why before parsing: HAPI reads a decimal into its plain form, so {@code 1e1000000} costs minutes of CPU,
 * {@code 1e50000000} a 50 MB error message and {@code 1e1000000000} the heap. FHIR's decimal needs 18 digits
 * and is never written with an exponent by the systems that send eligibility requests; the bounds leave room for
 * both and keep a number's plain form under 133 characters.
 */
public final class DecimalBounds {

    /** Most digits in a number's mantissa (before any exponent), leading zeros included. */
    static final int MAX_DIGITS = 32;
    /** Largest absolute exponent. */
    static final int MAX_EXPONENT = 100;
    /** Most digits in a text value made only of digits. */
    static final int MAX_PLAIN_DIGITS = 1000;

    private static final int QUOTED_CHARS = 20;
    private static final Set<String> NEVER_DECIMAL = Set.of("code", "system", "display", "text", "reference", "id", "url", "version");
    private static final String VALUE_ATTRIBUTE = "value";

    private DecimalBounds() {
    }

    /** Throws a 400 naming the number (its first characters), its line and column, and the element or key it is in. */
    public static void check(String body, EncodingEnum encoding) {
        if (encoding == EncodingEnum.XML) {
            checkXml(body);
        } else {
            checkJson(body);
        }
    }

    private static void checkJson(String body) {
        int length = body.length();
        int line = 1;
        int lineStart = 0;
        int keyStart = -1;
        int keyEnd = -1;
        int stringStart = -1;
        int stringEnd = -1;
        int i = 0;
        while (i < length) {
            char c = body.charAt(i);
            if (c == '"') {
                stringStart = i + 1;
                int stringLine = line;
                int stringColumn = i + 1 - lineStart + 1;
                boolean escaped = false;
                i++;
                while (i < length && body.charAt(i) != '"') {
                    char s = body.charAt(i);
                    if (s == '\\') {
                        escaped = true;
                        i++;
                    } else if (s == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                    i++;
                }
                stringEnd = Math.min(i, length);
                i++;
                if (stringEnd > stringStart && mayBeNumber(body.charAt(stringStart)) && !keyFollows(body, i)) {
                    String raw = body.substring(stringStart, stringEnd);
                    String key = keyStart < 0 ? "" : body.substring(keyStart, Math.min(keyEnd, keyStart + 40));
                    checkString(escaped ? unescapeJson(raw) : raw, stringLine, stringColumn, key,
                            key.isEmpty() ? "" : " (in \"" + shortened(body, keyStart, keyEnd) + "\")");
                }
            } else if (c == ':') {
                keyStart = stringStart;
                keyEnd = stringEnd;
                i++;
            } else if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
                int end = numberEnd(body, i);
                String problem = problem(body, i, end);
                if (problem != null) {
                    String key = keyStart < 0 ? "" : " (in \"" + shortened(body, keyStart, keyEnd) + "\")";
                    throw refusal(body, i, end, line, i - lineStart + 1, key, problem);
                }
                i = end;
            } else {
                if (c == '\n') {
                    line++;
                    lineStart = i + 1;
                }
                i++;
            }
        }
    }

    private static void checkXml(String body) {
        int length = body.length();
        int line = 1;
        int lineStart = 0;
        int elementStart = -1;
        int i = 0;
        while (i < length) {
            char c = body.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '<') {
                elementStart = i + 1;
            } else if (c == '=' && elementStart >= 0) {
                int quote = skipSpace(body, i + 1);
                if (quote < length && (body.charAt(quote) == '"' || body.charAt(quote) == '\'') && namedValue(body, i)) {
                    int close = body.indexOf(body.charAt(quote), quote + 1);
                    int end = close < 0 ? length : close;
                    checkAttribute(body, quote + 1, end, line, quote + 1 - lineStart + 1, elementStart);
                    for (int k = i; k < end; k++) {
                        if (body.charAt(k) == '\n') {
                            line++;
                            lineStart = k + 1;
                        }
                    }
                    i = end + 1;
                    continue;
                }
            }
            i++;
        }
    }

    private static void checkAttribute(String body, int start, int end, int line, int column, int elementStart) {
        if (start >= end || !mayBeNumber(body.charAt(start))) {
            return;
        }
        String raw = body.substring(start, end);
        int nameEnd = elementStart;
        while (nameEnd < body.length() && nameEnd - elementStart < 40 && isNameChar(body.charAt(nameEnd))) {
            nameEnd++;
        }
        String element = body.substring(elementStart, nameEnd);
        checkString(raw.indexOf('&') >= 0 ? unescapeXml(raw) : raw, line, column, element, " (in <" + element + " value=...>)");
    }

    /**
     * A text value that is wholly a number is one to HAPI, which reads decimals given as JSON strings or XML attributes.
     * Only a bare run of digits, the shape of identifiers and account numbers, may be longer: reading
     * {@value #MAX_PLAIN_DIGITS} digits costs microseconds, and the quadratic cost only starts far beyond that. Under
     * the names of elements that are never decimals (codes, systems, references, texts) such a run is not bounded here.
     */
    private static void checkString(String text, int line, int column, String name, String where) {
        String value = text.strip();
        if (value.isEmpty() || !looksNumeric(value)) {
            return;
        }
        boolean plainDigits = value.chars().allMatch(Character::isDigit);
        if (plainDigits && (value.length() <= MAX_PLAIN_DIGITS || NEVER_DECIMAL.contains(name))) {
            return;
        }
        String problem = problem(value, 0, value.length());
        if (problem != null) {
            throw refusal(value, 0, value.length(), line, column, where, problem);
        }
    }

    private static boolean keyFollows(String body, int from) {
        int next = skipSpace(body, from);
        return next < body.length() && body.charAt(next) == ':';
    }

    private static boolean mayBeNumber(char first) {
        return Character.isDigit(first) || first == '-' || first == '+' || first == '.' || first == '&' || first == '\\'
                || Character.isWhitespace(first);
    }

    /** JSON string escapes, which Jackson resolves before HAPI reads the value. */
    private static String unescapeJson(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                out.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            if (next == 'u' && i + 4 < raw.length()) {
                try {
                    out.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                } catch (NumberFormatException e) {
                    out.append(next);
                }
            } else {
                out.append(next);
            }
        }
        return out.toString();
    }

    /** Whether the attribute whose {@code =} is at {@code equals} is named exactly "value". */
    private static boolean namedValue(String body, int equals) {
        int end = equals;
        while (end > 0 && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        int start = end - VALUE_ATTRIBUTE.length();
        return start > 0 && body.startsWith(VALUE_ATTRIBUTE, start) && !isNameChar(body.charAt(start - 1));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
    }

    private static int skipSpace(String body, int from) {
        int i = from;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of a number-like token: its digits, signs, points and exponent marks. */
    private static int numberEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** What is out of bounds in the token, or null. Malformed tokens within bounds are left to the parser. */
    static String problem(String text, int from, int end) {
        int digits = 0;
        int i = from;
        while (i < end && text.charAt(i) != 'e' && text.charAt(i) != 'E') {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
            i++;
        }
        if (digits > MAX_DIGITS) {
            return "it has " + digits + " digits; at most " + MAX_DIGITS + " are accepted";
        }
        if (i >= end) {
            return null;
        }
        i++;
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        long exponent = 0;
        // Any Unicode digit counts: BigDecimal reads them all.
        for (; i < end && Character.isDigit(text.charAt(i)); i++) {
            exponent = Math.min(exponent * 10 + Character.digit(text.charAt(i), 10), Integer.MAX_VALUE);
        }
        return exponent > MAX_EXPONENT ? "its exponent is beyond \u00b1" + MAX_EXPONENT : null;
    }

    private static boolean looksNumeric(String value) {
        int i = 0;
        int n = value.length();
        if (value.charAt(0) == '-' || value.charAt(0) == '+') {
            i++;
        }
        boolean digits = false;
        while (i < n && Character.isDigit(value.charAt(i))) {
            i++;
            digits = true;
        }
        if (i < n && value.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(value.charAt(i))) {
                i++;
                digits = true;
            }
        }
        if (!digits) {
            return false;
        }
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '-' || value.charAt(i) == '+')) {
                i++;
            }
            boolean exponentDigits = false;
            while (i < n && Character.isDigit(value.charAt(i))) {
                i++;
                exponentDigits = true;
            }
            return exponentDigits && i == n;
        }
        return i == n;
    }

    /** XML character and predefined entity references, which a parser resolves in attributes even without a DTD. */
    private static String unescapeXml(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            int semicolon = c == '&' ? raw.indexOf(';', i) : -1;
            if (semicolon < 0 || semicolon - i > 12) {
                out.append(c);
                i++;
                continue;
            }
            String name = raw.substring(i + 1, semicolon);
            int code = switch (name) {
                case "amp" -> '&';
                case "lt" -> '<';
                case "gt" -> '>';
                case "quot" -> '"';
                case "apos" -> '\'';
                default -> characterReference(name);
            };
            if (code < 0 || !Character.isValidCodePoint(code)) {
                out.append(c);
                i++;
            } else {
                out.appendCodePoint(code);
                i = semicolon + 1;
            }
        }
        return out.toString();
    }

    private static int characterReference(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Integer.parseInt(name.substring(2), 16);
            }
            if (name.startsWith("#")) {
                return Integer.parseInt(name.substring(1));
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String shortened(String text, int start, int end) {
        int stop = Math.min(end, start + QUOTED_CHARS);
        return text.substring(start, stop) + (stop < end ? "..." : "");
    }

    private static BaseServerResponseException refusal(String text, int start, int end, int line, int column, String where,
            String problem) {
        return FhirErrors.badRequest("body", "the number " + shortened(text, start, end) + " at line " + line + ", column " + column
                + where + " is out of bounds: " + problem + " (FHIR decimals need at most 18 digits; numbers may have "
                + MAX_DIGITS + " digits and an exponent up to \u00b1" + MAX_EXPONENT + ")");
    }
}
