package org.coverageengine.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coverageengine.adapter.csv.CodeFile;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.ReadLimits;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.authoring.LintFinding;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.engine.PackLinter;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.port.out.KnowledgeSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** lint: points at what in policy packs is probably a mistake, judged against the official code sets given. */
@Command(name = "lint", mixinStandardHelpOptions = true, description = "Find probable mistakes in policy packs.",
        footer = {"", "Without PACK, lints the embedded packs. Codes are checked only against the code sets given with --codes.",
            "Exit codes: 0 no finding, 2 usage error, 3 findings, 4 a pack or code file cannot be read (file:line:column: reason)."})
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PACK", arity = "0..*", description = "Policy pack folders (default: the embedded packs).")
    List<Path> packs = new ArrayList<>();

    @Option(names = "--codes", paramLabel = "FILE", description = "An official code file (ICD-10-CM, HCPCS, RVU) to check the packs' codes against (repeatable).")
    List<Path> codeFiles = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CsvPolicyPack> linted = new ArrayList<>();
        // Only the official code files: a pack's own code descriptions would vouch for the very codes being checked.
        List<KnowledgeSource> sources = new ArrayList<>();
        try {
            if (packs.isEmpty()) {
                linted.addAll(CsvPolicyPack.embedded());
            }
            for (Path pack : packs) {
                linted.add(CsvPolicyPack.fromDirectory(pack, ReadLimits.DEFAULTS));
            }
            for (Path file : codeFiles) {
                sources.add(CodeFile.read(file, null, ProgressBar.forTerminal(), ReadLimits.DEFAULTS));
            }
        } catch (ImportException e) {
            ImportErrorReport.print(err, "Error: cannot lint", e);
            return ExitCodes.BAD_INPUT;
        }
        Knowledge knowledge = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), sources, 0);
        int findings = 0;
        for (CsvPolicyPack pack : linted) {
            List<Policy> policies = pack.policies();
            List<LintFinding> found = new PackLinter().lint(policies, knowledge.catalog());
            found.forEach(f -> out.println(pack.id() + ": " + f));
            out.println("pack " + pack.id() + ": " + policies.size() + " policy versions, " + found.size() + " findings");
            findings += found.size();
        }
        out.flush();
        return findings == 0 ? ExitCodes.OK : ExitCodes.INVALID_LINES;
    }
}
