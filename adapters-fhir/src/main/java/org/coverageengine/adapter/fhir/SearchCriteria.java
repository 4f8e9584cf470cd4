package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coverageengine.domain.record.DeterminationQuery;
import org.hl7.fhir.r4.model.DateTimeType;

/**
 * The parameters of one search as the client sent them, checked: each known at most once unless it may repeat, none
 * unknown, paging in bounds. Every mistake is a 400 naming the parameter, never an answer that silently ignores it.
 */
final class SearchCriteria {

    /** The page size when the client gives no {@code _count}. */
    static final int DEFAULT_COUNT = 20;

    /** Parameters HAPI itself acts on (the answer's format), which a search accepts and passes on in its links. */
    private static final Set<String> FORMAT_PARAMETERS = Set.of("_format", "_pretty");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, List<String>> repeated = new LinkedHashMap<>();
    private final Map<String, String[]> formatting = new LinkedHashMap<>();
    private final int count;
    private final int offset;

    private SearchCriteria(Map<String, String[]> parameters, Set<String> known, Set<String> repeatable) {
        Integer givenCount = null;
        Integer givenOffset = null;
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String[] given = parameter.getValue();
            if (FORMAT_PARAMETERS.contains(name)) {
                formatting.put(name, given);
                continue;
            }
            if (name.equals("_summary") && given.length == 1 && given[0].equals("false")) {
                continue;
            }
            if (name.equals("_count") || name.equals("_offset")) {
                int number = number(name, single(name, given));
                if (name.equals("_count")) {
                    givenCount = number;
                } else {
                    givenOffset = number;
                }
                continue;
            }
            if (!known.contains(name)) {
                throw FhirErrors.badRequest(name, "this search parameter is not supported here (supported: " + String.join(", ", known.stream().sorted().toList())
                        + ", _count, _offset)");
            }
            for (String value : given) {
                if (value.isEmpty()) {
                    throw FhirErrors.badRequest(name, "the parameter has no value");
                }
                if (value.contains(",")) {
                    throw FhirErrors.badRequest(name, "a list of values (a comma, meaning OR) is not supported: give one value");
                }
            }
            if (repeatable.contains(name)) {
                repeated.put(name, List.of(given));
            } else {
                values.put(name, single(name, given));
            }
        }
        count = givenCount == null ? DEFAULT_COUNT : givenCount;
        offset = givenOffset == null ? 0 : givenOffset;
        if (count > DeterminationQuery.MAX_LIMIT) {
            throw FhirErrors.badRequest("_count", "at most " + DeterminationQuery.MAX_LIMIT + " results fit in one page, asked for " + count);
        }
    }

    /** Checks the parameters against those the search knows (and those of them that may be given more than once). */
    static SearchCriteria of(Map<String, String[]> parameters, Set<String> known, Set<String> repeatable) {
        return new SearchCriteria(parameters, known, repeatable);
    }

    private static String single(String name, String[] given) {
        if (given.length != 1) {
            throw FhirErrors.badRequest(name, "give this parameter once");
        }
        return given[0];
    }

    private static int number(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below with the same message as a negative number.
        }
        throw FhirErrors.badRequest(name, "must be a whole number, 0 or more, was '" + value + "'");
    }

    /** The value of a parameter given once, or null. */
    String value(String name) {
        return values.get(name);
    }

    /** The values of a parameter that may repeat (each an AND), empty when absent. */
    List<String> values(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    int count() {
        return count;
    }

    int offset() {
        return offset;
    }

    /**
     * The query string of this search for another page: the criteria and format parameters as given, then
     * {@code _count} and {@code _offset}.
     */
    String pageQuery(int pageOffset) {
        List<String> parts = new ArrayList<>();
        values.forEach((name, value) -> parts.add(encode(name) + "=" + encode(value)));
        repeated.forEach((name, list) -> list.forEach(value -> parts.add(encode(name) + "=" + encode(value))));
        formatting.forEach((name, list) -> {
            for (String value : list) {
                parts.add(encode(name) + "=" + encode(value));
            }
        });
        parts.add("_count=" + count);
        parts.add("_offset=" + pageOffset);
        return String.join("&", parts);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("%7C", "|").replace("%3A", ":")
                .replace("%2F", "/");
    }

    /** A token's code ({@code system|code}, {@code |code} or {@code code}), checking the system when one is given. */
    static String tokenCode(String name, String token, String expectedSystem) {
        int bar = token.indexOf('|');
        if (bar < 0) {
            return token;
        }
        String system = token.substring(0, bar);
        if (!system.isEmpty() && expectedSystem != null && !system.equals(expectedSystem)) {
            throw FhirErrors.badRequest(name, "unknown code system '" + system + "' (the codes are from " + expectedSystem + ")");
        }
        String code = token.substring(bar + 1);
        if (code.isEmpty()) {
            throw FhirErrors.badRequest(name, "the token has no code after the bar");
        }
        return code;
    }

    /** Instants [from, before) that the date parameters, ANDed, allow; either may be null (open). */
    record Period(Instant from, Instant before) {
    }

    /**
     * The period the date parameters allow together (each {@code [prefix]date}, prefixes eq, ge, gt, le, lt): a value
     * stands for its whole precision, so {@code le2025-01-31} includes that day and {@code gt2025-01} starts in February.
     * Dates without a time are days in UTC.
     */
    static Period period(String name, List<String> given) {
        Instant from = null;
        Instant before = null;
        for (String value : given) {
            String prefix = "eq";
            String text = value;
            if (value.length() > 2 && Character.isLetter(value.charAt(0)) && Character.isLetter(value.charAt(1))) {
                prefix = value.substring(0, 2);
                text = value.substring(2);
            }
            Instant[] range = range(name, text);
            Instant start = range[0];
            Instant end = range[1];
            switch (prefix) {
                case "eq" -> {
                    from = later(from, start);
                    before = earlier(before, end);
                }
                case "ge" -> from = later(from, start);
                case "gt" -> from = later(from, end);
                case "le" -> before = earlier(before, end);
                case "lt" -> before = earlier(before, start);
                default -> throw FhirErrors.badRequest(name, "the prefix '" + prefix + "' is not supported (use eq, ge, gt, le or lt)");
            }
        }
        return new Period(from, before);
    }

    private static Instant[] range(String name, String text) {
        DateTimeType date;
        try {
            date = new DateTimeType(text);
        } catch (RuntimeException e) {
            throw FhirErrors.badRequest(name, "'" + text + "' is not a FHIR date or dateTime (e.g. 2025-01-31 or 2025-01-31T10:00:00Z)");
        }
        TemporalPrecisionEnum precision = date.getPrecision();
        if (precision == TemporalPrecisionEnum.YEAR || precision == TemporalPrecisionEnum.MONTH || precision == TemporalPrecisionEnum.DAY) {
            // Read from the text rather than the parsed Date, which HAPI places in the server's own time zone.
            int year = date.getYear();
            int month = precision == TemporalPrecisionEnum.YEAR ? 1 : date.getMonth() + 1;
            int day = precision == TemporalPrecisionEnum.DAY ? date.getDay() : 1;
            LocalDate start = LocalDate.of(year, month, day);
            LocalDate end = switch (precision) {
                case YEAR -> start.plusYears(1);
                case MONTH -> start.plusMonths(1);
                default -> start.plusDays(1);
            };
            return new Instant[] {start.atStartOfDay(ZoneOffset.UTC).toInstant(), end.atStartOfDay(ZoneOffset.UTC).toInstant()};
        }
        if (date.getTimeZone() == null || !text.matches(".*(Z|[+-]\\d\\d:\\d\\d)$")) {
            throw FhirErrors.badRequest(name, "'" + text + "' has a time but no time zone (add Z or an offset such as +01:00)");
        }
        Instant start = date.getValue().toInstant();
        return new Instant[] {start, precision.add(date.getValue(), 1).toInstant()};
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** A reference parameter's target id for the type: {@code Type/id}, a URL ending so, or a bare id. */
    static String referenceTo(String name, String type, String value) {
        int slash = value.lastIndexOf('/');
        if (slash < 0) {
            return value;
        }
        String before = value.substring(0, slash);
        if (!(before.equals(type) || before.endsWith("/" + type))) {
            throw FhirErrors.badRequest(name, "'" + value + "' does not refer to a " + type);
        }
        return value.substring(slash + 1);
    }
}
