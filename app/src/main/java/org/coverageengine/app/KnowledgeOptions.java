package org.coverageengine.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command shares: extra policy packs and official code files, loaded after the embedded default pack. */
final class KnowledgeOptions {

    @Option(names = "--pack", paramLabel = "DIR", description = "A policy pack folder to load after the embedded default pack (repeatable).")
    List<Path> packs = new ArrayList<>();

    @Option(names = "--codes", paramLabel = "FILE",
            description = "A CMS/CDC code file to load: ICD-10-CM order/codes/addenda, HCPCS CSV, PFS RVU CSV (repeatable).")
    List<Path> codeFiles = new ArrayList<>();
}
