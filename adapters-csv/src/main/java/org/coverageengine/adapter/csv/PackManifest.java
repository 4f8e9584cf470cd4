package org.coverageengine.adapter.csv;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A pack's optional {@code MANIFEST.csv} (columns {@code file,bytes,sha256}): when present, the pack reads only if
 * every listed file has exactly that size and hash and no pack file is left unlisted, so a pack caught half-written
 * (files from two versions, a truncated file) is refused rather than published. Authors write it last.
 */
final class PackManifest {

    static final String FILE = "MANIFEST.csv";
    private static final String STALE = " (the pack is being written, or MANIFEST.csv was not rewritten after an edit)";

    private PackManifest() {
    }

    /**
     * The differences between the manifest and the pack files read (file name to bytes). A file that could not be
     * read (too large, a link leaving the pack) is not compared: its own problem says why, and "absent" would mislead.
     */
    static List<ImportProblem> check(byte[] manifest, Map<String, byte[]> files, Set<String> unreadable) {
        List<ImportProblem> problems = new ArrayList<>();
        CsvTable table;
        try {
            table = CsvTable.parse(FILE, StrictText.decode(FILE, manifest), List.of("file", "bytes", "sha256"));
        } catch (ImportException e) {
            return e.problems();
        }
        Set<String> listed = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String name = row.get("file");
            if (!PackReader.FILES.contains(name)) {
                problems.add(problem(row, "file", "lists '" + Quoted.prefix(name) + "', which is not a pack file (expected one of "
                        + String.join(", ", PackReader.FILES) + ")"));
            } else if (!listed.add(name)) {
                problems.add(problem(row, "file", "lists " + name + " twice"));
            } else if (!row.get("bytes").matches("\\d{1,12}")) {
                problems.add(problem(row, "bytes", "bytes must be a whole number, was '" + Quoted.prefix(row.get("bytes")) + "'"));
            } else if (!row.get("sha256").matches("[0-9A-Fa-f]{64}")) {
                problems.add(problem(row, "sha256", "sha256 must be 64 hexadecimal digits, was '" + Quoted.prefix(row.get("sha256")) + "'"));
            } else {
                byte[] bytes = files.get(name);
                long expected = Long.parseLong(row.get("bytes"));
                if (bytes == null && unreadable.contains(name)) {
                    continue;
                } else if (bytes == null) {
                    problems.add(new ImportProblem(name, 0, 0, "listed in " + FILE + " but absent" + STALE));
                } else if (bytes.length != expected) {
                    problems.add(new ImportProblem(name, 0, 0, bytes.length + " bytes, but " + FILE + " line " + row.line()
                            + " says " + expected + STALE));
                } else if (!sha256(bytes).equals(row.get("sha256").toLowerCase(Locale.ROOT))) {
                    problems.add(new ImportProblem(name, 0, 0, "its SHA-256 differs from " + FILE + " line " + row.line() + STALE));
                }
            }
        }
        for (String name : PackReader.FILES) {
            if (files.containsKey(name) && !listed.contains(name)) {
                problems.add(new ImportProblem(name, 0, 0, "present but not listed in " + FILE + STALE));
            }
        }
        return problems;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The manifest text for these files, in the order of {@link PackReader#FILES} (for tests and tools). */
    static byte[] write(Map<String, byte[]> files) {
        StringBuilder text = new StringBuilder("file,bytes,sha256\n");
        for (String name : PackReader.FILES) {
            byte[] bytes = files.get(name);
            if (bytes != null) {
                text.append(name).append(',').append(bytes.length).append(',').append(sha256(bytes)).append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ImportProblem problem(CsvTable.Row row, String column, String reason) {
        return new ImportProblem(FILE, row.line(), row.column(column), reason);
    }
}
