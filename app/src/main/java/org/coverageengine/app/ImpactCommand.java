package org.coverageengine.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coverageengine.adapter.batch.ClaimLineSource;
import org.coverageengine.adapter.batch.ImpactAnalysis;
import org.coverageengine.adapter.batch.InputUnreadableException;
import org.coverageengine.adapter.csv.ImportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** impact: what a policy revision does to past claims, before it is published. */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "Decide the same claims with an old and a new pack; count and list the lines whose outcome changes.",
        footer = {"", "Each pack is loaded after the embedded packs, with the --codes files; 'default' names the embedded packs alone.",
            "Exit codes: 0 compared, 2 usage error, 3 some records refused (listed in the errors file), 4 an input cannot be read."})
final class ImpactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeOptions knowledge;

    @Option(names = "--old", required = true, paramLabel = "PACK", description = "The pack in force (a folder, or 'default').")
    String oldPack;

    @Option(names = "--new", required = true, paramLabel = "PACK", description = "The revised pack (a folder, or 'default').")
    String newPack;

    @Mixin
    ClaimInputOptions input;

    @Option(names = "--changes", paramLabel = "FILE", description = "Where the changed lines are listed as CSV (default: impact-changes.csv).")
    Path changes = Path.of("impact-changes.csv");

    @Option(names = "--errors", paramLabel = "FILE", description = "Where refused records are listed (default: CHANGES.errors.txt).")
    Path errors;

    @Override
    public Integer call() {
        input.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CoverageEngine before;
        CoverageEngine after;
        try {
            before = load(oldPack);
            after = load(newPack);
        } catch (ImportException e) {
            ImportErrorReport.print(err, "Impact not started", e);
            return ExitCodes.BAD_INPUT;
        }
        ImpactAnalysis analysis = new ImpactAnalysis(before.determiner, after.determiner,
                ImpactAnalysis.groupsIn(before.knowledge.get(), after.knowledge.get()));
        Path errorsFile = errors != null ? errors : changes.resolveSibling(changes.getFileName() + ".errors.txt");
        ImpactAnalysis.Report report;
        try (ClaimLineSource source = BatchInput.open(input.in, input.sort, input.temp());
                CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(changes, StandardCharsets.UTF_8), CSVFormat.RFC4180);
                PrintWriter refused = new PrintWriter(Files.newBufferedWriter(errorsFile, StandardCharsets.UTF_8))) {
            report = analysis.run(source, input.threads, ImpactAnalysis.csv(csv), e -> refused.println(e.describe()));
        } catch (InputUnreadableException | IOException | UncheckedIOException e) {
            err.println("Impact failed: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        out.println("Old: " + before.summary.version());
        out.println("New: " + after.summary.version());
        out.print(report.render());
        out.println("Changed lines: " + changes);
        out.flush();
        return report.errors() > 0 ? ExitCodes.INVALID_LINES : ExitCodes.OK;
    }

    private CoverageEngine load(String pack) {
        List<Path> packs = "default".equals(pack) ? List.of() : List.of(Path.of(pack));
        return CoverageEngine.load(packs, knowledge.codeFiles, ProgressBar.forTerminal(), knowledge.limits(), knowledge.editApplication());
    }
}
