package org.coverageengine.adapter.csv;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.edit.EditKind;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.MueEdit;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.port.out.EditRows;
import java.nio.charset.StandardCharsets;
import org.coverageengine.domain.port.out.KnowledgeSink;
import org.coverageengine.domain.port.out.KnowledgeSource;

/**
 * One official CMS/CDC code file, read completely and checked when opened; {@link #contributeTo} then adds its
 * entries (and, for complete code sets, a completeness declaration) to the sink. Each published layout is read by
 * its own {@link CodeFileLayout}; the loop they share is here. A CMS NCCI PTP or MUE file is read the same way into
 * the rows of one edit table.
 */
public final class CodeFile implements KnowledgeSource {

    private static final Pattern YEAR = Pattern.compile("(20\\d{2})");
    private static final int DETECTION_HEAD = 4096;
    /** Smaller ICD-10-CM files are extracts, not the complete code set of their fiscal year. */
    private static final int COMPLETE_ICD10_AT_LEAST = 1000;

    private final String name;
    private final CodeFileFormat format;
    private final List<CodeEntry> entries;
    private final CompletenessDeclaration completeness;
    private final EditTableId editTable;
    private final List<PtpEdit> ptpEdits;
    private final List<MueEdit> mueEdits;

    private CodeFile(String name, CodeFileFormat format, List<CodeEntry> entries, CompletenessDeclaration completeness) {
        this(name, format, entries, completeness, null, List.of(), List.of());
    }

    private CodeFile(String name, CodeFileFormat format, List<CodeEntry> entries, CompletenessDeclaration completeness,
            EditTableId editTable, List<PtpEdit> ptpEdits, List<MueEdit> mueEdits) {
        this.name = name;
        this.format = format;
        this.entries = entries;
        this.completeness = completeness;
        this.editTable = editTable;
        this.ptpEdits = ptpEdits;
        this.mueEdits = mueEdits;
    }

    /** Reads a file, detecting its format from its first lines. */
    public static CodeFile read(Path file, ProgressListener progress) {
        return read(file, null, progress);
    }

    /** Reads a file in the given format (or detected, when null); throws {@link ImportException} on the first error. */
    public static CodeFile read(Path file, CodeFileFormat format, ProgressListener progress) {
        return read(file, format, progress, ReadLimits.DEFAULTS);
    }

    /** Reads a file as {@link #read(Path, CodeFileFormat, ProgressListener)} does, refusing one larger than the limit. */
    public static CodeFile read(Path file, CodeFileFormat format, ProgressListener progress, ReadLimits limits) {
        return read(file, format, progress, limits, NcciTableOptions.FROM_FILE_NAMES);
    }

    /**
     * Reads a file as {@link #read(Path, CodeFileFormat, ProgressListener, ReadLimits)} does; an NCCI edit table takes
     * its programme, setting and quarter from the options where given, else from its name.
     */
    public static CodeFile read(Path file, CodeFileFormat format, ProgressListener progress, ReadLimits limits, NcciTableOptions ncci) {
        String name = file.getFileName().toString();
        try {
            return parse(name, BoundedFile.read(name, file, limits.codeFileBytes(), ReadLimits.CODE_FILE_OPTION), format, progress, ncci);
        } catch (ImportException e) {
            Path folder = file.toAbsolutePath().getParent();
            throw folder == null ? e : new ImportException(file.getParent() == null ? "." : file.getParent().toString(), e.problems());
        }
    }

    /** Parses file content (for tests and fuzzing); the name is used for messages and to find the code-set year. */
    public static CodeFile parse(String name, byte[] bytes, CodeFileFormat format, ProgressListener progress) {
        return parse(name, bytes, format, progress, NcciTableOptions.FROM_FILE_NAMES);
    }

    /** Parses file content as {@link #parse(String, byte[], CodeFileFormat, ProgressListener)} does, naming NCCI tables by the options. */
    public static CodeFile parse(String name, byte[] bytes, CodeFileFormat format, ProgressListener progress, NcciTableOptions ncci) {
        // NCCI files are Latin-1 (the AMA notice has a registered sign), so they are told apart before strict UTF-8 decoding.
        CodeFileFormat edits = format != null ? (format.editTable() ? format : null)
                : CodeFileFormat.detectEditTable(new String(bytes, 0, Math.min(bytes.length, DETECTION_HEAD), StandardCharsets.ISO_8859_1))
                        .orElse(null);
        if (edits != null) {
            return readEditTable(name, bytes, edits, progress, ncci);
        }
        String text;
        try {
            text = StrictText.decode(name, bytes);
        } catch (ImportException e) {
            // A file of no known format fails UTF-8 first (PDFs, spreadsheets, archives): its format is the real problem.
            if (format == null && e.reason().contains("UTF-8") && CodeFileFormat.detect(new String(bytes, 0, Math.min(bytes.length, DETECTION_HEAD), StandardCharsets.ISO_8859_1))
                    .isEmpty()) {
                throw unsupported(name, bytes);
            }
            throw e;
        }
        CodeFileFormat actual = format != null ? format : CodeFileFormat.detect(text.substring(0, Math.min(text.length(), DETECTION_HEAD)))
                .orElseThrow(() -> unsupported(name, bytes));
        return read(name, actual.layout(name), text, progress);
    }

    /** The formats a code file may have, for messages. */
    static final String SUPPORTED = "an ICD-10-CM order, codes or addenda file (text), a HCPCS CSV, a PFS RVU CSV or an NCCI PTP "
            + "(tab-separated text) or MUE (CSV) file";

    private static ImportException unsupported(String name, byte[] bytes) {
        String kind = startsWith(bytes, "%PDF") ? " (this is a PDF document)"
                : startsWith(bytes, "PK\u0003\u0004") ? " (this is a ZIP archive or an Excel workbook: unzip it, or save the sheet as CSV)"
                : startsWith(bytes, "\u00D0\u00CF\u0011\u00E0") ? " (this is an old Excel or Word file: save it as CSV)" : "";
        return new ImportException(name, 1, 1, "unsupported file format" + kind + ": supported formats are " + SUPPORTED
                + " (or name one with --format)");
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        if (bytes.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((bytes[i] & 0xFF) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static <R> CodeFile read(String name, CodeFileLayout<R> layout, String text, ProgressListener progress) {
        List<R> records = layout.records(text);
        List<CodeEntry> entries = new ArrayList<>(records.size());
        Map<Code, Integer> seen = new HashMap<>(records.size() * 2);
        long done = 0;
        for (R record : records) {
            done++;
            Optional<CodeEntry> read = layout.entry(record);
            if (read.isPresent()) {
                CodeEntry entry = read.get();
                Integer first = seen.putIfAbsent(entry.code(), layout.line(record));
                if (first != null) {
                    Optional<ImportException> duplicate = layout.duplicate(record, entry.code(), first);
                    if (duplicate.isPresent()) {
                        throw duplicate.get();
                    }
                }
                entries.add(entry);
            }
            if ((done & 0x3FF) == 0 || done == records.size()) {
                progress.progress(done, records.size());
            }
        }
        return new CodeFile(name, layout.format(), List.copyOf(entries), layout.completeness(entries).orElse(null));
    }

    private static CodeFile readEditTable(String name, byte[] bytes, CodeFileFormat format, ProgressListener progress,
            NcciTableOptions ncci) {
        if (bytes.length == 0) {
            throw new ImportException(name, 0, 0, "the file is empty");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (format == CodeFileFormat.NCCI_PTP) {
            EditTableId table = NcciFileName.table(EditKind.PTP, name, ncci);
            return new CodeFile(name, format, List.of(), null, table, CmsNcciPtpFile.read(name, text, progress), List.of());
        }
        EditTableId table = NcciFileName.table(EditKind.MUE, name, ncci);
        return new CodeFile(name, format, List.of(), null, table, List.of(), CmsNcciMueFile.read(name, text, progress));
    }

    /** The NCCI table the file holds, when it is an edit table. */
    public Optional<EditTableId> editTable() {
        return Optional.ofNullable(editTable);
    }

    /** How many edits the file holds (0 for a code file). */
    public int editCount() {
        return ptpEdits.size() + mueEdits.size();
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
        if (editTable != null && !ptpEdits.isEmpty()) {
            EditRows<PtpEdit> rows = sink.addPtpTable(editTable);
            ptpEdits.forEach(rows::add);
        }
        if (editTable != null && !mueEdits.isEmpty()) {
            EditRows<MueEdit> rows = sink.addMueTable(editTable);
            mueEdits.forEach(rows::add);
        }
        entries.forEach(sink::addCode);
        if (completeness != null) {
            sink.declareComplete(completeness);
        }
    }

    /** The code-set year a file name carries (e.g. 2025 in "icd10cm-order-2025.txt"), if any. */
    static OptionalInt yearInName(String name) {
        Matcher year = YEAR.matcher(name);
        return year.find() ? OptionalInt.of(Integer.parseInt(year.group(1))) : OptionalInt.empty();
    }

    /** The ICD-10-CM fiscal year (October to September) a complete CDC file covers, named by its file name. */
    static Optional<CompletenessDeclaration> icd10FiscalYear(String name, int entries) {
        OptionalInt year = yearInName(name);
        if (year.isEmpty() || entries < COMPLETE_ICD10_AT_LEAST) {
            return Optional.empty();
        }
        int fy = year.getAsInt();
        return Optional.of(new CompletenessDeclaration(CodeSystem.ICD10CM,
                new DateRange(LocalDate.of(fy - 1, 10, 1), LocalDate.of(fy, 9, 30)), "ICD-10-CM FY" + fy + " (" + name + ")"));
    }
}
