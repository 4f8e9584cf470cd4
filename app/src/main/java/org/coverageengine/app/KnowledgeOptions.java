package org.coverageengine.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command shares: extra policy packs and official code files, loaded after the embedded default pack. */
final class KnowledgeOptions {

    /**
     * Loads the default pack plus these packs and code files; on a bad file prints "what: file:line:column: reason"
     * to err and returns empty, so every command reports import errors the same way.
     */
    java.util.Optional<CoverageEngine> loadOrReport(java.io.PrintWriter err, String what) {
        try {
            return java.util.Optional.of(CoverageEngine.load(packs, codeFiles, ProgressBar.forTerminal()));
        } catch (org.coverageengine.adapter.csv.ImportException e) {
            err.println(what + ": " + e.getMessage());
            err.flush();
            return java.util.Optional.empty();
        }
    }

    @Option(names = "--pack", paramLabel = "DIR", description = "A policy pack folder to load after the embedded default pack (repeatable).")
    List<Path> packs = new ArrayList<>();

    @Option(names = "--codes", paramLabel = "FILE",
            description = "A CMS/CDC code file to load: ICD-10-CM order/codes/addenda, HCPCS CSV, PFS RVU CSV (repeatable).")
    List<Path> codeFiles = new ArrayList<>();
}
