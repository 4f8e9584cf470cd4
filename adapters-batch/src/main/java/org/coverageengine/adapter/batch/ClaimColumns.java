package org.coverageengine.adapter.batch;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.coverageengine.domain.determination.LineOfBusiness;

/**
 * The CSV claim-line contract: the header's required leading columns, the optional ones, and how one record's
 * values become a {@link ClaimLine} (shared by the local reader and the Spark job, so both refuse the same records).
 */
public final class ClaimColumns {

    /** The columns every input starts with, in this order. */
    public static final List<String> REQUIRED = List.of("claim_id", "line", "date_of_service", "line_of_business", "code",
            "modifiers", "units", "diagnoses");
    /** The columns an input may add after the required ones, in any order. */
    public static final List<String> OPTIONAL = List.of("attestations", "patient_birth_date", "patient_sex", "place_of_service",
            "claim_type");
    /** The separator of list values (modifiers, diagnoses, attestations). */
    public static final String LIST_SEPARATOR = "|";
    /** Every column a record may have: the required ones, then the optional ones; {@link #parse(String[], long)} takes values in this order. */
    public static final List<String> ALL = java.util.stream.Stream.concat(REQUIRED.stream(), OPTIONAL.stream()).toList();

    private static final int CLAIM_ID = 0;
    private static final int LINE = 1;
    private static final int DATE_OF_SERVICE = 2;
    private static final int LINE_OF_BUSINESS = 3;
    private static final int CODE = 4;
    private static final int MODIFIERS = 5;
    private static final int UNITS = 6;
    private static final int DIAGNOSES = 7;
    private static final int ATTESTATIONS = 8;
    private static final int PATIENT_BIRTH_DATE = 9;
    private static final int PATIENT_SEX = 10;
    private static final int PLACE_OF_SERVICE = 11;
    private static final int CLAIM_TYPE = 12;
    /** The lines of business by the code the command line spells, the form nearly every record uses, ahead of the general parse. */
    private static final Map<String, LineOfBusiness> BY_CODE = byCode();

    /** FHIR AdministrativeGender codes. */
    static final Set<String> SEXES = Set.of("male", "female", "other", "unknown");
    /** FHIR claim-type codes. */
    static final Set<String> CLAIM_TYPES = Set.of("institutional", "oral", "pharmacy", "professional", "vision");
    static final int MAX_UNITS = 100_000;
    private static final int MAX_ID = 64;
    private static final int MAX_LIST = 64;

    private ClaimColumns() {
    }

    /** Checks a header row; returns the problem in words, or null when the header keeps the contract. */
    public static String headerProblem(List<String> header) {
        if (header.size() < REQUIRED.size() || !header.subList(0, REQUIRED.size()).equals(REQUIRED)) {
            return "the header must start with " + String.join(",", REQUIRED) + " (was " + String.join(",", header) + ")";
        }
        List<String> seen = new ArrayList<>();
        for (String column : header.subList(REQUIRED.size(), header.size())) {
            if (!OPTIONAL.contains(column)) {
                return "unknown column '" + column + "' (optional columns: " + String.join(",", OPTIONAL) + ")";
            }
            if (seen.contains(column)) {
                return "column '" + column + "' appears twice";
            }
            seen.add(column);
        }
        return null;
    }

    /**
     * The line one record states; {@code value} gives a column's text (null or empty when absent).
     *
     * @throws RecordException naming the column at fault
     */
    public static ClaimLine parse(UnaryOperator<String> value, long record) {
        String[] values = new String[ALL.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(ALL.get(i));
        }
        return parse(values, record);
    }

    /**
     * The line one record states; {@code value} holds each column's text in the order of {@link #ALL} (null or empty
     * when absent).
     *
     * @throws RecordException naming the column at fault
     */
    public static ClaimLine parse(String[] value, long record) {
        String claimId = text(value, CLAIM_ID);
        if (claimId.isEmpty()) {
            throw new RecordException("claim_id", "a claim id is required");
        }
        if (claimId.length() > MAX_ID) {
            throw new RecordException("claim_id", "a claim id has at most " + MAX_ID + " characters, was " + claimId.length());
        }
        int line = wholeNumber(value, LINE, 1, Integer.MAX_VALUE, -1);
        LocalDate date = date(value, DATE_OF_SERVICE);
        if (date == null) {
            throw new RecordException("date_of_service", "a date of service (YYYY-MM-DD) is required");
        }
        LineOfBusiness lob = lineOfBusiness(text(value, LINE_OF_BUSINESS));
        String code = text(value, CODE);
        if (code.isEmpty()) {
            throw new RecordException("code", "a procedure code is required");
        }
        int units = wholeNumber(value, UNITS, 1, MAX_UNITS, 1);
        String sex = text(value, PATIENT_SEX).toLowerCase(Locale.ROOT);
        if (!sex.isEmpty() && !SEXES.contains(sex)) {
            throw new RecordException("patient_sex", "expected male, female, other or unknown, was " + quoted(sex));
        }
        String pos = text(value, PLACE_OF_SERVICE);
        if (!pos.isEmpty() && !twoDigits(pos)) {
            throw new RecordException("place_of_service", "expected a two-digit CMS place of service code, was " + quoted(pos));
        }
        String claimType = text(value, CLAIM_TYPE).toLowerCase(Locale.ROOT);
        if (!claimType.isEmpty() && !CLAIM_TYPES.contains(claimType)) {
            throw new RecordException("claim_type", "expected one of " + String.join(", ", CLAIM_TYPES.stream().sorted().toList())
                    + ", was " + quoted(claimType));
        }
        return new ClaimLine(claimId, line, date, lob, code, list(value, MODIFIERS), units, list(value, DIAGNOSES),
                list(value, ATTESTATIONS), date(value, PATIENT_BIRTH_DATE), sex, pos, claimType, record);
    }

    /** The line of business as the command line spells it; empty means none was given (commercial is assumed). */
    public static LineOfBusiness lineOfBusiness(String text) {
        if (text.isEmpty()) {
            return null;
        }
        LineOfBusiness known = BY_CODE.get(text);
        if (known != null) {
            return known;
        }
        return LineOfBusiness.parse(text).orElseThrow(() -> new RecordException("line_of_business",
                "unknown line of business " + quoted(text) + " (expected commercial, medicare, medicare-advantage, medicaid, "
                        + "workers-comp, auto or self-pay, or empty for commercial)"));
    }

    private static Map<String, LineOfBusiness> byCode() {
        Map<String, LineOfBusiness> codes = new java.util.HashMap<>();
        for (LineOfBusiness lob : LineOfBusiness.values()) {
            LineOfBusiness.parse(lob.code()).ifPresent(parsed -> codes.put(lob.code(), parsed));
        }
        return Map.copyOf(codes);
    }

    private static boolean twoDigits(String text) {
        return text.length() == 2 && isDigit(text.charAt(0)) && isDigit(text.charAt(1));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String text(String[] value, int column) {
        String text = column < value.length ? value[column] : null;
        return text == null ? "" : text.strip();
    }

    private static int wholeNumber(String[] value, int index, int min, int max, int absent) {
        String column = ALL.get(index);
        String text = text(value, index);
        if (text.isEmpty() && absent >= 0) {
            return absent;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the message naming the range
        }
        throw new RecordException(column, "must be a whole number from " + min + " to " + max + ", was " + quoted(text));
    }

    private static LocalDate date(String[] value, int index) {
        String column = ALL.get(index);
        String text = text(value, index);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return isoDate(text);
        } catch (DateTimeException e) {
            throw new RecordException(column, "expected a date YYYY-MM-DD, was " + quoted(text));
        }
    }

    /** YYYY-MM-DD read by hand: the general formatter costs about a microsecond, as much as deciding a line. */
    private static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw new DateTimeException("not YYYY-MM-DD");
        }
        return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit");
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static List<String> list(String[] value, int index) {
        String text = text(value, index);
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.indexOf('|') < 0) {
            return List.of(text);
        }
        String column = ALL.get(index);
        List<String> items = new ArrayList<>(4);
        int from = 0;
        while (from <= text.length()) {
            int bar = text.indexOf('|', from);
            int to = bar < 0 ? text.length() : bar;
            String item = text.substring(from, to).strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
            from = to + 1;
        }
        if (items.size() > MAX_LIST) {
            throw new RecordException(column, "at most " + MAX_LIST + " values, was " + items.size());
        }
        return items;
    }

    static String quoted(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
