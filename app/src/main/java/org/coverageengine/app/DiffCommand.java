package org.coverageengine.app;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coverageengine.adapter.batch.Claim;
import org.coverageengine.adapter.batch.ClaimAssembler;
import org.coverageengine.adapter.batch.ClaimLineSource;
import org.coverageengine.adapter.batch.ClaimRequests;
import org.coverageengine.adapter.batch.InputUnreadableException;
import org.coverageengine.adapter.batch.RecordError;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.ReadLimits;
import org.coverageengine.domain.authoring.OutcomeChanges;
import org.coverageengine.domain.authoring.PackDifference;
import org.coverageengine.domain.authoring.SampleRequest;
import org.coverageengine.domain.engine.PackComparison;
import org.coverageengine.domain.port.in.DiffPacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * diff: what changed between two versions of a policy pack (policies, versions, codes per group, statements) and,
 * given sample requests, which lines' outcomes the change moves.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Show what changed between two policy packs.",
        footer = {"", "With --requests, each pack is loaded after the embedded packs and both answer every claim of the files.",
            "Exit codes: 0 the packs were compared (differences or not), 2 usage error, 3 some sample records refused,",
            "4 a pack or a requests file cannot be read (file:line:column: reason)."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The older pack folder.")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "The newer pack folder.")
    Path newer;

    @Option(names = "--requests", paramLabel = "FILE", description = "A claims CSV in the batch input format (docs/batch.md) whose "
            + "claims both packs answer; lists the lines whose outcome changes (repeatable).")
    List<Path> requests = new ArrayList<>();

    private final DiffPacks diffPacks = new PackComparison();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CsvPolicyPack before;
        CsvPolicyPack after;
        try {
            before = CsvPolicyPack.fromDirectory(older, ReadLimits.DEFAULTS);
            after = CsvPolicyPack.fromDirectory(newer, ReadLimits.DEFAULTS);
        } catch (ImportException e) {
            ImportErrorReport.print(err, "Error: cannot compare", e);
            return ExitCodes.BAD_INPUT;
        }
        List<PackDifference> differences = diffPacks.diff(before.policies(), after.policies());
        out.println("pack " + before.id() + " " + before.version() + " -> " + after.id() + " " + after.version() + ": "
                + differences.size() + " differences");
        differences.forEach(d -> out.println("  " + d));
        int result = requests.isEmpty() ? ExitCodes.OK : compareOn(before, after, out, err);
        out.flush();
        err.flush();
        return result;
    }

    private int compareOn(CsvPolicyPack before, CsvPolicyPack after, PrintWriter out, PrintWriter err) {
        List<SampleRequest> samples = new ArrayList<>();
        int refused = 0;
        for (Path file : requests) {
            try (ClaimLineSource source = BatchInput.open(file, false, Path.of(System.getProperty("java.io.tmpdir")))) {
                ClaimAssembler claims = new ClaimAssembler(source);
                while (claims.hasNext()) {
                    Claim claim = claims.next();
                    for (RecordError error : claim.errors()) {
                        err.println("refused: " + error.describe());
                        refused++;
                    }
                    if (claim.lines().isEmpty()) {
                        continue;
                    }
                    try {
                        samples.add(new SampleRequest("claim " + claim.id(), ClaimRequests.toRequest(claim)));
                    } catch (IllegalArgumentException e) {
                        err.println("refused: " + file.getFileName() + ": claim " + claim.id() + ": " + e.getMessage());
                        refused++;
                    }
                }
            } catch (InputUnreadableException | UncheckedIOException e) {
                err.println("Error: cannot read the sample requests " + file.getFileName() + ": " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
        OutcomeChanges changes = diffPacks.outcomeChanges(CoverageEngine.of(CsvPolicyPack.embeddedWith(before)).determiner,
                CoverageEngine.of(CsvPolicyPack.embeddedWith(after)).determiner, samples);
        int refusedRecords = refused + changes.refused().size();
        out.println("sample requests (" + String.join(", ", requests.stream().map(f -> f.getFileName().toString()).toList()) + "): "
                + changes.requests() + " claims, " + changes.lines() + " lines, " + changes.changes().size()
                + " change outcome" + (refusedRecords > 0 ? ", " + refusedRecords + " refused (listed on standard error)" : ""));
        changes.refused().forEach(r -> err.println("refused: " + r));
        changes.changes().forEach(c -> out.println("  " + c));
        if (!changes.changes().isEmpty()) {
            out.println("By transition:");
            changes.byTransition().forEach((transition, count) -> out.println(String.format("  %8d  %s", count, transition)));
        }
        return refusedRecords > 0 ? ExitCodes.INVALID_LINES : ExitCodes.OK;
    }
}
