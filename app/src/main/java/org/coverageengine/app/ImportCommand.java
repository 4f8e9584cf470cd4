package org.coverageengine.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.adapter.csv.CodeFile;
import org.coverageengine.adapter.csv.CodeFileFormat;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.NcciTableOptions;
import org.coverageengine.adapter.csv.ReadLimits;
import org.coverageengine.domain.edit.EditSetting;
import org.coverageengine.domain.edit.Programme;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.policy.Policy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** import --check: validate a policy pack folder or a CMS/CDC code file without loading it anywhere. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Check a policy pack folder or a CMS/CDC code file.",
        footer = {"", "Formats: icd10cm-order, icd10cm-codes, icd10cm-addenda, hcpcs, rvu, ncci-ptp, ncci-mue (detected when not given; a folder is a pack).",
            "Exit codes: 0 the file is good, 2 usage error, 3 a pack's test cases (tests.csv) fail, 4 the file has an error (file:line:column: reason)."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--check", required = true, description = "Check only (the engine keeps no state between runs; serve loads with --pack/--codes).")
    boolean check;

    @Option(names = "--format", paramLabel = "FORMAT", description = "The code file's format, when detection is not wanted.")
    String format;

    @Option(names = "--ncci-program", paramLabel = "PROGRAM", description = "An NCCI table's programme, medicare or medicaid, when its file name does not say.")
    String ncciProgram;

    @Option(names = "--ncci-setting", paramLabel = "SETTING",
            description = "An NCCI table's setting, practitioner, outpatient-hospital or dme, when its file name does not say.")
    String ncciSetting;

    @Option(names = "--ncci-quarter", paramLabel = "DATE", description = "The first day of an NCCI table's quarter (e.g. 2026-07-01), when its file name does not say.")
    java.time.LocalDate ncciQuarter;

    @Parameters(paramLabel = "PATH", description = "A policy pack folder or a code file.")
    Path path;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        try {
            if (Files.isDirectory(path)) {
                CsvPolicyPack pack = CsvPolicyPack.fromDirectory(path);
                // Building the knowledge also checks what spans files: policies reference valid groups and criteria.
                KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(pack), 0);
                int failed = pack.tests().isEmpty() ? 0
                        : TestCommand.report(out, java.util.List.of(pack), TestCommand.runner(CsvPolicyPack.embeddedWith(pack)));
                if (failed > 0) {
                    out.println("FAILED: policy pack " + pack.id() + " " + pack.version() + " reads, but " + failed + " of its test cases fail");
                    out.flush();
                    return ExitCodes.INVALID_LINES;
                }
                out.println("OK: policy pack " + pack.id() + " " + pack.version() + " (" + path + ")");
                for (Policy policy : pack.policies()) {
                    out.println("  policy " + policy.number() + " " + policy.title() + ": " + policy.effectiveRange() + ", "
                            + policy.groups().size() + " code groups (" + policy.groups().values().stream().mapToInt(g -> g.size()).sum()
                            + " codes), " + policy.statements().size() + " statements, " + policy.criteriaSets().size() + " criteria sets");
                }
                out.println("  catalog entries: " + pack.codes().size());
            } else {
                if (!Files.isRegularFile(path)) {
                    err.println(path + ": no such file or folder");
                    err.flush();
                    return ExitCodes.BAD_INPUT;
                }
                CodeFileFormat chosen = null;
                if (format != null) {
                    chosen = CodeFileFormat.fromOption(format).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                            "unknown --format '" + format + "' (expected icd10cm-order, icd10cm-codes, icd10cm-addenda, hcpcs, rvu, ncci-ptp or ncci-mue)"));
                }
                CodeFile file = CodeFile.read(path, chosen, ProgressBar.forTerminal(), ReadLimits.DEFAULTS, ncciOptions());
                if (file.editTable().isPresent()) {
                    out.println("OK: " + file.format().description() + " (" + path.getFileName() + ")");
                    out.println("  table: " + file.editTable().get().describe());
                    out.println("  edits: " + file.editCount());
                    out.println("  checked in " + (System.nanoTime() - started) / 1_000_000 + " ms");
                    out.flush();
                    return ExitCodes.OK;
                }
                Map<CodeSystem, Long> bySystem = file.entries().stream().collect(Collectors.groupingBy(e -> e.code().system(), Collectors.counting()));
                long billable = file.entries().stream().filter(CodeEntry::billable).count();
                out.println("OK: " + file.format().description() + " (" + path.getFileName() + ")");
                out.println("  records: " + file.entries().size() + " (" + bySystem.entrySet().stream()
                        .map(e -> e.getKey().displayName() + " " + e.getValue()).collect(Collectors.joining(", ")) + "), billable: " + billable);
                file.completeness().ifPresent(c -> out.println("  declares complete: " + c));
            }
        } catch (ImportException e) {
            ImportErrorReport.print(err, "Error: " + path + " cannot be imported", e);
            return ExitCodes.BAD_INPUT;
        }
        out.println("  checked in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        out.flush();
        return ExitCodes.OK;
    }

    private NcciTableOptions ncciOptions() {
        Programme programme = ncciProgram == null ? null : Programme.fromOption(ncciProgram).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown --ncci-program '" + ncciProgram + "' (expected medicare or medicaid)"));
        EditSetting setting = ncciSetting == null ? null : EditSetting.fromOption(ncciSetting).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown --ncci-setting '" + ncciSetting + "' (expected practitioner, outpatient-hospital or dme)"));
        return new NcciTableOptions(programme, setting, ncciQuarter);
    }
}
