package org.coverageengine.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.ReadLimits;
import picocli.CommandLine.Option;

/** The options every command shares: extra policy packs and official code files, loaded after the embedded default pack. */
final class KnowledgeOptions {

    /**
     * Loads the default pack plus these packs and code files; on a bad file prints one line per problem
     * ("pack/file:line:column: reason") to err and returns empty, so every command reports import errors the same way.
     */
    java.util.Optional<CoverageEngine> loadOrReport(java.io.PrintWriter err, String what) {
        try {
            return java.util.Optional.of(CoverageEngine.load(packs, codeFiles, ProgressBar.forTerminal(), limits()));
        } catch (ImportException e) {
            ImportErrorReport.print(err, what, e);
            return java.util.Optional.empty();
        }
    }

    /** The file size limits these options set. */
    ReadLimits limits() {
        return new ReadLimits(maxPackFileBytes, maxCodeFileBytes);
    }

    @Option(names = ReadLimits.PACK_FILE_OPTION, paramLabel = "BYTES", defaultValue = "" + ReadLimits.DEFAULT_PACK_FILE_BYTES,
            description = "The largest file of a policy pack read; larger files are refused before reading (default: ${DEFAULT-VALUE}).")
    long maxPackFileBytes;

    @Option(names = ReadLimits.CODE_FILE_OPTION, paramLabel = "BYTES", defaultValue = "" + ReadLimits.DEFAULT_CODE_FILE_BYTES,
            description = "The largest code file read; larger files are refused before reading (default: ${DEFAULT-VALUE}).")
    long maxCodeFileBytes;

    @Option(names = "--pack", paramLabel = "DIR", description = "A policy pack folder to load after the embedded default pack (repeatable).")
    List<Path> packs = new ArrayList<>();

    @Option(names = "--codes", paramLabel = "FILE",
            description = "A CMS/CDC code file to load: ICD-10-CM order/codes/addenda, HCPCS CSV, PFS RVU CSV (repeatable).")
    List<Path> codeFiles = new ArrayList<>();
}
