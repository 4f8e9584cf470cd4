package org.coverageengine.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coverageengine.adapter.fhir.FhirRequestReader;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.PatientFacts;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.determination.Sex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** evaluate: decide coverage for lines given on the command line, or for a FHIR request file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Decide coverage for procedure lines.",
        footer = {"", "A line is CODE[xUNITS][-MOD[-MOD...]][:DX[,DX...]], e.g. 95940:M54.16, 95925x2:C73 or 96160-59.",
            "Exit codes: 0 answered, 2 usage error, 3 answered with invalid lines, 4 unreadable pack, code file or FHIR file."})
final class EvaluateCommand implements Callable<Integer> {

    private static final Pattern UNITS = Pattern.compile("(.{5})[xX](\\d{1,6})");

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeOptions knowledge;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Date of service (default: today, and the answer says so).")
    String date;

    @Option(names = {"--line-of-business", "--lob"}, paramLabel = "LOB",
            description = "commercial, medicare, medicare-advantage, medicaid, workers-comp, auto or self-pay (default: commercial, said).")
    String lineOfBusiness;

    @Option(names = "--line", paramLabel = "LINE", description = "A requested line CODE[xUNITS][-MOD[-MOD...]][:DX[,DX...]] (repeatable, in order).")
    List<String> lines = new ArrayList<>();

    @Option(names = "--attest", paramLabel = "CRITERION", description = "A criterion code attested as met (repeatable).")
    List<String> attested = new ArrayList<>();

    @Option(names = "--fhir", paramLabel = "FILE", description = "A CoverageEligibilityRequest (or Bundle/Parameters) file, JSON or XML.")
    Path fhirFile;

    @Option(names = "--age", paramLabel = "YEARS", description = "The patient's age in years on the date of service (for age conditions).")
    Integer age;

    @Option(names = "--birth-date", paramLabel = "YYYY-MM-DD", description = "The patient's birth date (instead of --age).")
    String birthDate;

    @Option(names = "--sex", paramLabel = "SEX", description = "The patient's sex: female, male or other (for sex conditions).")
    String sex;

    @Option(names = "--place", paramLabel = "POS", description = "The CMS place-of-service code, two digits (e.g. 11 office, 22 outpatient hospital).")
    String place;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (lines.isEmpty() == (fhirFile == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --line (one or more) or --fhir FILE");
        }
        java.util.Optional<CoverageEngine> loaded = knowledge.loadOrReport(err, "Import failed");
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        CoverageEngine engine = loaded.get();
        List<String> notices = new ArrayList<>();
        CoverageRequest request;
        if (fhirFile != null) {
            try {
                FhirRequestReader.Read read = new FhirRequestReader(FhirSettings.DEFAULTS)
                        .read(Files.readString(fhirFile, StandardCharsets.UTF_8));
                notices.addAll(read.notices());
                if (read.request().isEmpty()) {
                    out.println("The request has no item with a procedure code to evaluate.");
                    out.flush();
                    return ExitCodes.OK;
                }
                request = read.request().get();
            } catch (IOException | IllegalArgumentException e) {
                err.println(fhirFile + ": " + e.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
        } else {
            request = new CoverageRequest(parseDate(), parseLineOfBusiness(), parseLines(), new LinkedHashSet<>(attested), parsePatient(),
                    parsePlace());
        }
        CoverageDecision decision = engine.determiner.determine(request);
        out.print(json ? DecisionText.json(decision, notices) + "\n" : DecisionText.table(decision, notices));
        out.flush();
        return decision.hasInvalidLines() ? ExitCodes.INVALID_LINES : ExitCodes.OK;
    }

    private LocalDate parseDate() {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--date must be YYYY-MM-DD, was '" + date + "'");
        }
    }

    private PatientFacts parsePatient() {
        if (age != null && birthDate != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --age or --birth-date, not both");
        }
        if (age != null && (age < 0 || age > 150)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--age must be 0 to 150 years, was " + age);
        }
        LocalDate born = null;
        if (birthDate != null) {
            try {
                born = LocalDate.parse(birthDate);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--birth-date must be YYYY-MM-DD, was '" + birthDate + "'");
            }
        }
        Sex parsedSex = null;
        if (sex != null) {
            parsedSex = Sex.parse(sex).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --sex '" + sex + "' (expected female, male or other)"));
        }
        return new PatientFacts(null, born, age, parsedSex);
    }

    private String parsePlace() {
        if (place != null && !place.matches("\\d{2}")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--place must be a two-digit CMS place-of-service code, was '" + place + "'");
        }
        return place;
    }

    private LineOfBusiness parseLineOfBusiness() {
        if (lineOfBusiness == null) {
            return null;
        }
        return LineOfBusiness.parse(lineOfBusiness).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown --line-of-business '" + lineOfBusiness + "' (expected commercial, medicare, medicare-advantage, medicaid, "
                        + "workers-comp, auto or self-pay)"));
    }

    private List<RequestedLine> parseLines() {
        List<RequestedLine> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String[] parts = line.split(":", 2);
            String[] coded = parts[0].split("-");
            String procedure = coded[0];
            List<String> modifiers = new ArrayList<>();
            for (int k = 1; k < coded.length; k++) {
                if (!coded[k].matches("[A-Za-z0-9]{2}")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--line '" + line + "': a modifier is two letters or digits, was '"
                            + coded[k] + "'");
                }
                modifiers.add(coded[k].toUpperCase(java.util.Locale.ROOT));
            }
            int units = 1;
            Matcher m = UNITS.matcher(procedure);
            if (m.matches()) {
                procedure = m.group(1);
                units = Integer.parseInt(m.group(2));
            }
            if (procedure.isBlank() || units < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--line '" + line + "' is not CODE[xUNITS][-MOD[-MOD...]][:DX[,DX...]]");
            }
            List<CodeText> diagnoses = new ArrayList<>();
            if (parts.length > 1) {
                for (String dx : parts[1].split(",")) {
                    if (!dx.isBlank()) {
                        diagnoses.add(CodeText.diagnosis(dx.strip()));
                    }
                }
            }
            parsed.add(new RequestedLine(i + 1, CodeText.procedure(procedure), units, modifiers, diagnoses));
        }
        return parsed;
    }
}
