package org.coverageengine.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.ImportProblem;

/** Prints a refused import as one line per problem ({@code pack/file:line:column: reason}), at most 20, then how many more. */
final class ImportErrorReport {

    static final int MAX_LINES = 20;

    private ImportErrorReport() {
    }

    /** The lines to print, the location of the pack or code file first on each. */
    static List<String> lines(ImportException e) {
        String prefix = e.location().map(l -> l.endsWith("/") ? l : l + "/").orElse("");
        List<ImportProblem> problems = e.problems();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(problems.size(), MAX_LINES); i++) {
            lines.add(prefix + problems.get(i));
        }
        if (problems.size() > MAX_LINES) {
            lines.add("... and " + (problems.size() - MAX_LINES) + " more");
        }
        return lines;
    }

    /** Prints a heading, then the lines. */
    static void print(PrintWriter err, String heading, ImportException e) {
        List<ImportProblem> problems = e.problems();
        err.println(heading + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):");
        lines(e).forEach(line -> err.println("  " + line));
        err.flush();
    }
}
