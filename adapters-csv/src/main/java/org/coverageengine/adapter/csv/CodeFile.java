package org.coverageengine.adapter.csv;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.google.common.collect.ImmutableList;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.code.InvalidCodeException;
import org.coverageengine.domain.code.RvuFacts;
import org.coverageengine.domain.port.out.KnowledgeSink;
import org.coverageengine.domain.port.out.KnowledgeSource;

/**
 * One official CMS/CDC code file, read completely and checked when opened; {@link #contributeTo} then adds its
 * entries (and, for complete code sets, a completeness declaration) to the sink.
 */
public final class CodeFile implements KnowledgeSource {

    private static final Pattern YEAR = Pattern.compile("(20\\d{2})");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String ADD_ON_TEXT = "list separately in addition to";

    private final String name;
    private final CodeFileFormat format;
    private final List<CodeEntry> entries;
    private final CompletenessDeclaration completeness;

    private CodeFile(String name, CodeFileFormat format, List<CodeEntry> entries, CompletenessDeclaration completeness) {
        this.name = name;
        this.format = format;
        this.entries = entries;
        this.completeness = completeness;
    }

    /** Reads a file, detecting its format from its first lines. */
    public static CodeFile read(Path file, ProgressListener progress) {
        return read(file, null, progress);
    }

    /** Reads a file in the given format (or detected, when null); throws {@link ImportException} on the first error. */
    public static CodeFile read(Path file, CodeFileFormat format, ProgressListener progress) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(name, 0, 0, "cannot read " + file + ": " + e.getMessage());
        }
        return parse(name, bytes, format, progress);
    }

    /** Parses file content (for tests and fuzzing); the name is used for messages and to find the code-set year. */
    public static CodeFile parse(String name, byte[] bytes, CodeFileFormat format, ProgressListener progress) {
        String text = StrictText.decode(name, bytes);
        CodeFileFormat actual = format != null ? format : CodeFileFormat.detect(text.substring(0, Math.min(text.length(), 4096)))
                .orElseThrow(() -> new ImportException(name, 1, 1, "unknown file format: expected an ICD-10-CM order, codes or addenda "
                        + "file, a HCPCS CSV or a PFS RVU CSV (or name one with --format)"));
        switch (actual) {
            case ICD10CM_ORDER:
                return icdOrder(name, text, progress);
            case ICD10CM_CODES:
                return icdCodes(name, text, progress);
            case ICD10CM_ADDENDA:
                return icdAddenda(name, text);
            case HCPCS_CSV:
                return hcpcs(name, text, progress);
            case PFS_RVU_CSV:
                return rvu(name, text, progress);
            default:
                throw new IllegalStateException("unhandled format " + actual);
        }
    }

    /** The file's format. */
    public CodeFileFormat format() {
        return format;
    }

    /** The entries read. */
    public List<CodeEntry> entries() {
        return entries;
    }

    /** The completeness the file declares (a complete official code set for a period), if any. */
    public Optional<CompletenessDeclaration> completeness() {
        return Optional.ofNullable(completeness);
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void contributeTo(KnowledgeSink sink) {
        entries.forEach(sink::addCode);
        if (completeness != null) {
            sink.declareComplete(completeness);
        }
    }

    private static CodeFile icdOrder(String name, String text, ProgressListener progress) {
        List<String> lines = text.lines().toList();
        List<CodeEntry> entries = new ArrayList<>(lines.size());
        Map<Code, Integer> seen = new HashMap<>(lines.size() * 2);
        List<String> source = ImmutableList.of("CDC ICD-10-CM order file " + name);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() < 17) {
                throw new ImportException(name, number, line.length() + 1, "truncated record: an order-file record has at least 17 "
                        + "characters (order number, code, flag, description), found " + line.length());
            }
            if (!line.substring(0, 5).chars().allMatch(Character::isDigit) || line.charAt(5) != ' ') {
                throw new ImportException(name, number, 1, "columns 1-5 must hold a zero-filled order number followed by a blank");
            }
            Code code = code(name, number, 7, CodeSystem.ICD10CM, line.substring(6, 13));
            char flag = line.charAt(14);
            if (flag != '0' && flag != '1') {
                throw new ImportException(name, number, 15, "the valid flag in column 15 must be 0 (header) or 1 (billable), was '" + flag + "'");
            }
            duplicate(name, number, 7, code, seen);
            String shortText = line.substring(16, Math.min(line.length(), 76)).strip();
            String longText = line.length() > 77 ? line.substring(77).strip() : shortText;
            entries.add(new CodeEntry(code, shortText, longText, null, null, null, null, DateRange.ALWAYS, false, flag == '1', null,
                    null, source));
            report(progress, number, lines.size());
        }
        return new CodeFile(name, CodeFileFormat.ICD10CM_ORDER, List.copyOf(entries), fiscalYear(name, entries.size()));
    }

    private static CodeFile icdCodes(String name, String text, ProgressListener progress) {
        List<String> lines = text.lines().toList();
        List<CodeEntry> entries = new ArrayList<>(lines.size());
        Map<Code, Integer> seen = new HashMap<>(lines.size() * 2);
        List<String> source = ImmutableList.of("CDC ICD-10-CM codes file " + name);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() < 9) {
                throw new ImportException(name, number, line.length() + 1, "truncated record: expected a code in columns 1-7 and a description from column 9");
            }
            Code code = code(name, number, 1, CodeSystem.ICD10CM, line.substring(0, 7));
            duplicate(name, number, 1, code, seen);
            String description = line.substring(8).strip();
            entries.add(new CodeEntry(code, null, description, null, null, null, null, DateRange.ALWAYS, false, true, null, null,
                    source));
            report(progress, number, lines.size());
        }
        return new CodeFile(name, CodeFileFormat.ICD10CM_CODES, List.copyOf(entries), fiscalYear(name, entries.size()));
    }

    private static CodeFile icdAddenda(String name, String text) {
        Matcher year = YEAR.matcher(name);
        if (!year.find()) {
            throw new ImportException(name, 0, 0, "cannot tell the fiscal year of the addenda from the file name (expected a year such as 2025)");
        }
        LocalDate fiscalStart = LocalDate.of(Integer.parseInt(year.group(1)) - 1, 10, 1);
        List<String> lines = text.lines().toList();
        List<CodeEntry> entries = new ArrayList<>();
        String source = "CDC ICD-10-CM addenda " + name;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            int colon = line.indexOf(':');
            String action = colon > 0 ? line.substring(0, colon) : "";
            if (!(action.equals("Add") || action.equals("Delete") || action.equals("Revise from") || action.equals("Revise to"))) {
                // The CDC addenda end with a free-text summary ("Headers ... additions ... deletions"): not records.
                continue;
            }
            if (line.length() < 24) {
                throw new ImportException(name, number, line.length() + 1, "truncated record: an addenda record has an action, "
                        + "a flag in column 14, a code in columns 16-22 and a description from column 24");
            }
            char flag = line.charAt(13);
            if (flag != '0' && flag != '1') {
                throw new ImportException(name, number, 14, "the valid flag in column 14 must be 0 or 1, was '" + flag + "'");
            }
            Code code = code(name, number, 16, CodeSystem.ICD10CM, line.substring(15, 22));
            String shortText = line.substring(23, Math.min(line.length(), 83)).strip();
            String longText = line.length() > 84 ? line.substring(84).strip() : shortText;
            switch (action) {
                case "Add":
                    entries.add(new CodeEntry(code, shortText, longText, null, null, null, null, DateRange.from(fiscalStart), false,
                            flag == '1', null, null, List.of(source + " (added " + fiscalStart + ")")));
                    break;
                case "Delete":
                    entries.add(new CodeEntry(code, shortText, longText, null, null, null, null,
                            new DateRange(null, fiscalStart.minusDays(1)), false, flag == '1', null, null,
                            List.of(source + " (deleted " + fiscalStart.minusDays(1) + ")")));
                    break;
                case "Revise to":
                    entries.add(new CodeEntry(code, shortText, longText, null, null, null, null, DateRange.ALWAYS, false, flag == '1',
                            null, null, List.of(source + " (revised " + fiscalStart + ")")));
                    break;
                default:
                    break;
            }
        }
        if (entries.isEmpty()) {
            throw new ImportException(name, 0, 0, "no Add, Delete or Revise records found");
        }
        return new CodeFile(name, CodeFileFormat.ICD10CM_ADDENDA, List.copyOf(entries), null);
    }

    private static CodeFile hcpcs(String name, String text, ProgressListener progress) {
        CsvTable table = CsvTable.parse(name, text, List.of("HCPC", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION", "ADD DT",
                "ACT EFF DT", "TERM DT", "ACTION CD"));
        List<CodeEntry> entries = new ArrayList<>(table.rows().size());
        Map<Code, Integer> seen = new HashMap<>();
        List<String> source = ImmutableList.of("CMS HCPCS file " + name);
        int done = 0;
        for (CsvTable.Row row : table.rows()) {
            done++;
            String recordId = row.get("RECID");
            if (recordId.equals("7") || recordId.equals("8")) {
                continue; // modifiers are not procedure codes
            }
            if (!recordId.equals("3") && !recordId.equals("4")) {
                throw row.error("RECID", "RECID must be 3 or 4 for procedures (7 or 8 for modifiers), was '" + recordId + "'");
            }
            Code code;
            try {
                code = Code.hcpcs(row.get("HCPC"));
            } catch (InvalidCodeException e) {
                throw row.error("HCPC", "malformed code: " + e.getMessage());
            }
            Integer first = seen.putIfAbsent(code, row.line());
            if (first != null) {
                throw row.error("HCPC", "duplicate code " + code + " (first at line " + first + ")");
            }
            LocalDate added = yyyymmdd(row, "ADD DT");
            LocalDate terminated = yyyymmdd(row, "TERM DT");
            if (added != null && terminated != null && terminated.isBefore(added)) {
                throw row.error("TERM DT", "termination " + terminated + " is before the add date " + added);
            }
            String longText = row.get("LONG DESCRIPTION");
            entries.add(new CodeEntry(code, row.get("SHORT DESCRIPTION"), longText, null, null, null, null,
                    new DateRange(added, terminated), longText.toLowerCase(Locale.ROOT).contains(ADD_ON_TEXT), true, null, null,
                    source));
            report(progress, done, table.rows().size());
        }
        Matcher year = YEAR.matcher(name);
        CompletenessDeclaration complete = null;
        if (year.find()) {
            int y = Integer.parseInt(year.group(1));
            complete = new CompletenessDeclaration(CodeSystem.HCPCS, new DateRange(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)),
                    "HCPCS Level II " + y + " (" + name + ")");
        }
        return new CodeFile(name, CodeFileFormat.HCPCS_CSV, List.copyOf(entries), complete);
    }

    private static CodeFile rvu(String name, String text, ProgressListener progress) {
        int headerLine = -1;
        List<String> head = text.lines().limit(30).toList();
        for (int i = 0; i < head.size(); i++) {
            if (head.get(i).startsWith("HCPCS,MOD,DESCRIPTION")) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new ImportException(name, 1, 1, "wrong header: no line beginning HCPCS,MOD,DESCRIPTION in the first 30 lines");
        }
        CsvTable table = CsvTable.parse(name, text, List.of("HCPCS", "MOD", "DESCRIPTION", "CODE", "RVU", "DAYS"), headerLine, true);
        List<CodeEntry> entries = new ArrayList<>(table.rows().size());
        Map<Code, Integer> seen = new HashMap<>();
        List<String> source = ImmutableList.of("CMS PFS RVU file " + name);
        int done = 0;
        for (CsvTable.Row row : table.rows()) {
            done++;
            if (!row.get("MOD").isEmpty()) {
                continue; // professional/technical component rows repeat the code
            }
            Code code;
            try {
                code = Code.procedure(row.get("HCPCS"));
            } catch (InvalidCodeException e) {
                throw row.error("HCPCS", "malformed code: " + e.getMessage());
            }
            Integer first = seen.putIfAbsent(code, row.line());
            if (first != null) {
                throw row.error("HCPCS", "duplicate code " + code + " without modifier (first at line " + first + ")");
            }
            BigDecimal work;
            try {
                work = new BigDecimal(row.get("RVU"));
            } catch (NumberFormatException e) {
                throw row.error("RVU", "work RVU must be a decimal number, was '" + row.get("RVU") + "'");
            }
            String status = row.get("CODE");
            entries.add(new CodeEntry(code, row.get("DESCRIPTION"), null, null, null, null, null, DateRange.ALWAYS,
                    "ZZZ".equals(row.get("DAYS")), true, new RvuFacts(work, status, statusNote(status)), null, source));
            report(progress, done, table.rows().size());
        }
        return new CodeFile(name, CodeFileFormat.PFS_RVU_CSV, List.copyOf(entries), null);
    }

    private static String statusNote(String status) {
        switch (status) {
            case "A":
                return "active code, paid under the physician fee schedule";
            case "B":
                return "bundled code: payment is always included in another service";
            case "C":
                return "carrier priced";
            case "I":
                return "not valid for Medicare purposes";
            case "N":
                return "non-covered service under Medicare";
            case "R":
                return "restricted coverage";
            case "T":
                return "paid only when no other service is billed that day";
            case "X":
                return "statutory exclusion from the fee schedule";
            default:
                return null;
        }
    }

    private static CompletenessDeclaration fiscalYear(String name, int count) {
        Matcher year = YEAR.matcher(name);
        if (!year.find() || count < 1000) {
            return null;
        }
        int fy = Integer.parseInt(year.group(1));
        return new CompletenessDeclaration(CodeSystem.ICD10CM, new DateRange(LocalDate.of(fy - 1, 10, 1), LocalDate.of(fy, 9, 30)),
                "ICD-10-CM FY" + fy + " (" + name + ")");
    }

    private static Code code(String file, int line, int column, CodeSystem system, String text) {
        try {
            return Code.of(system, text);
        } catch (InvalidCodeException e) {
            throw new ImportException(file, line, column, "malformed code: " + e.getMessage());
        }
    }

    private static void duplicate(String file, int line, int column, Code code, Map<Code, Integer> seen) {
        Integer first = seen.putIfAbsent(code, line);
        if (first != null) {
            throw new ImportException(file, line, column, "duplicate code " + code + " (first at line " + first + ")");
        }
    }

    private static LocalDate yyyymmdd(CsvTable.Row row, String column) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text, YYYYMMDD);
        } catch (DateTimeException e) {
            throw row.error(column, "bad date '" + text + "': expected YYYYMMDD");
        }
    }

    private static void report(ProgressListener progress, long done, long total) {
        if ((done & 0x3FF) == 0 || done == total) {
            progress.progress(done, total);
        }
    }
}
