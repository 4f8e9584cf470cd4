package org.coverageengine.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.edit.EditKind;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.edit.PtpEditsNaming;
import org.coverageengine.domain.port.out.CodingEdits;
import org.coverageengine.domain.port.in.LookUpCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** lookup: every catalog fact of a code, or the codes whose descriptions and synonyms match some words. */
@Command(name = "lookup", mixinStandardHelpOptions = true, description = "Show a code's facts, or search descriptions and synonyms.",
        footer = {"", "Exit codes: 0 found, 1 nothing found, 4 unreadable pack or code file."})
final class LookupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeOptions knowledge;

    @Parameters(paramLabel = "CODE_OR_WORDS", arity = "1..*", description = "A code (95940, S9090, M48.061) or words (spinal decompression).")
    List<String> words;

    @Option(names = "--limit", defaultValue = "10",
            description = "Most search results, and most NCCI PTP edits shown per table for a code (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        java.util.Optional<CoverageEngine> loaded = knowledge.loadOrReport(spec.commandLine().getErr(), "Import failed");
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        CoverageEngine engine = loaded.get();
        String query = String.join(" ", words).strip();
        Optional<LookUpCode.CodeFacts> facts = words.size() == 1 ? engine.lookup.byCode(query) : Optional.empty();
        if (facts.isPresent()) {
            print(out, facts.get());
            ptpEditsNaming(out, engine.knowledge.get().edits(), facts.get(), limit);
            out.flush();
            return ExitCodes.OK;
        }
        // Every match is counted, so the count is the truth and --limit only bounds what is printed.
        List<CodeEntry> found = engine.lookup.byKeyword(query, Integer.MAX_VALUE);
        if (found.isEmpty()) {
            out.println("No code or description matches '" + query + "'.");
            out.flush();
            return 1;
        }
        int shown = Math.min(found.size(), Math.max(limit, 0));
        out.println(found.size() + " match" + (found.size() == 1 ? "" : "es") + " for '" + query + "'"
                + (shown < found.size() ? " (the first " + shown + " shown; --limit N for more)" : "") + ":");
        for (CodeEntry entry : found.subList(0, shown)) {
            String aka = entry.synonyms().isEmpty() ? "" : " (also known as: " + String.join(", ", entry.synonyms()) + ")";
            out.println("  " + entry.code().system().displayName() + " " + entry.code().value() + "  " + entry.display() + aka);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, LookUpCode.CodeFacts facts) {
        for (CodeEntry e : facts.entries()) {
            out.println(e.code().system().displayName() + " " + e.code().value() + (e.billable() ? "" : "  (category heading, not billable)"));
            line(out, "Description", e.longDescription());
            if (e.shortDescription() != null && !e.shortDescription().equals(e.longDescription())) {
                line(out, "Short description", e.shortDescription());
            }
            line(out, "Also known as", e.synonyms().isEmpty() ? null : String.join(", ", e.synonyms()));
            line(out, "In plain language", e.plainLanguage());
            line(out, "Clinical context", e.clinicalContext());
            line(out, "Specialties", e.specialties().isEmpty() ? null : String.join(", ", e.specialties()));
            line(out, "Add-on code", e.addOn() ? "yes: list separately in addition to the code for the primary procedure" : null);
            line(out, "RVU", e.rvuFacts().map(r -> r.describe()).orElse(null));
            line(out, "Billing note", e.billingNote().orElse(null));
            e.notes().forEach(n -> line(out, "Note", n));
            line(out, "Effective", e.validity().start() == null ? "(no start date known)" : e.validity().start().toString());
            line(out, "Terminated", e.validity().end() == null ? "(in effect)" : e.validity().end().toString());
            line(out, "Sources", String.join("; ", e.sources()));
            out.println();
        }
        if (facts.entries().isEmpty()) {
            out.println(facts.code() + " (not in the loaded catalog)");
        }
        if (facts.policyMentions().isEmpty()) {
            out.println("Policies that mention it: none");
        } else {
            out.println("Policies that mention it:");
            facts.policyMentions().forEach(m -> out.println("  " + m));
        }
    }

    /** The PTP edits naming the code in each loaded table; an ICD-10-CM code is never in one. */
    private static void ptpEditsNaming(PrintWriter out, CodingEdits edits, LookUpCode.CodeFacts facts, int limit) {
        boolean diagnosis = !facts.entries().isEmpty() && facts.entries().stream().allMatch(e -> e.code().system() == CodeSystem.ICD10CM);
        List<EditTableId> tables = edits.tables().stream().filter(t -> t.kind() == EditKind.PTP).toList();
        if (diagnosis || tables.isEmpty()) {
            return;
        }
        String code = facts.code();
        out.println("NCCI PTP edits naming " + code + ":");
        for (EditTableId table : tables) {
            PtpEditsNaming naming = edits.ptpEditsNaming(table, code, Math.max(limit, 0));
            out.println("  " + table.describe() + ": " + (naming.total() == 0 ? "none"
                    : naming.total() + (naming.total() == 1 ? " edit" : " edits")
                            + (naming.truncated() ? " (the first " + naming.rows().size() + " shown; --limit N for more)" : "")));
            for (PtpEdit edit : naming.rows()) {
                String dates = edit.deletionDate().map(d -> edit.effective() + " to " + d).orElse("from " + edit.effective());
                String text = edit.pair() + "  " + code + " is " + naming.roleIn(edit) + ", " + dates + ", modifier indicator "
                        + edit.indicator().display() + (edit.rationale().isEmpty() ? "" : ": " + edit.rationale());
                List<String> wrapped = DecisionText.wrap(text, 106);
                out.println("    " + wrapped.get(0));
                wrapped.subList(1, wrapped.size()).forEach(l -> out.println("      " + l));
            }
        }
    }

    private static void line(PrintWriter out, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        List<String> wrapped = DecisionText.wrap(value, 90);
        out.printf("  %-18s %s%n", label + ":", wrapped.get(0));
        for (int i = 1; i < wrapped.size(); i++) {
            out.printf("  %-18s %s%n", "", wrapped.get(i));
        }
    }

    static String counts(Map<CodeSystem, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().displayName() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
