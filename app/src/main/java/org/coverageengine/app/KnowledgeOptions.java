package org.coverageengine.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.ReadLimits;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.edit.EditApplication;
import org.coverageengine.domain.edit.EditSetting;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every command shares: extra policy packs and official code files, loaded after the embedded packs. */
final class KnowledgeOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    /**
     * Loads the embedded packs plus these packs and code files; on a bad file prints one line per problem
     * ("pack/file:line:column: reason") to err and returns empty, so every command reports import errors the same way.
     */
    java.util.Optional<CoverageEngine> loadOrReport(java.io.PrintWriter err, String what) {
        try {
            return java.util.Optional.of(CoverageEngine.load(packs, codeFiles, ProgressBar.forTerminal(), limits(), editApplication()));
        } catch (ImportException e) {
            ImportErrorReport.print(err, what, e);
            return java.util.Optional.empty();
        }
    }

    /** Which NCCI tables apply to which requests, as these options set. */
    EditApplication editApplication() {
        EditSetting setting = EditSetting.fromOption(ncciSetting).orElseThrow(() -> new CommandLine.ParameterException(mixee.commandLine(),
                "unknown --ncci-setting '" + ncciSetting + "' (expected practitioner, outpatient-hospital or dme)"));
        java.util.Set<LineOfBusiness> also = new java.util.HashSet<>();
        for (String name : ncciApplyTo) {
            also.add(LineOfBusiness.parse(name).orElseThrow(() -> new CommandLine.ParameterException(mixee.commandLine(),
                    "unknown line of business '" + name + "' in --ncci-apply-to (expected commercial, medicaid, workers-comp, auto, self-pay)")));
        }
        return new EditApplication(setting, also);
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

    @Option(names = "--pack", paramLabel = "DIR", description = "A policy pack folder to load after the embedded packs (repeatable).")
    List<Path> packs = new ArrayList<>();

    @Option(names = "--ncci-setting", paramLabel = "SETTING", defaultValue = "practitioner",
            description = "Which NCCI tables apply: practitioner, outpatient-hospital or dme (default: ${DEFAULT-VALUE}).")
    String ncciSetting;

    @Option(names = "--ncci-apply-to", paramLabel = "LOB", split = ",",
            description = "Also apply the Medicare NCCI tables to these lines of business, e.g. commercial,medicaid (default: none; "
                    + "Medicare tables always apply to medicare and medicare-advantage, Medicaid tables to medicaid).")
    List<String> ncciApplyTo = new ArrayList<>();

    @Option(names = "--codes", paramLabel = "FILE",
            description = "A CMS/CDC code file to load: ICD-10-CM order/codes/addenda, HCPCS CSV, PFS RVU CSV, NCCI PTP or MUE file (repeatable).")
    List<Path> codeFiles = new ArrayList<>();
}
