package org.coverageengine.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.coverageengine.domain.record.DeterminationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** report: what was answered in a period, from the determination record. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Count the recorded answers of a period: per outcome, policy, line of business and code; prior authorization share; latency.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day (UTC), included.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day (UTC), included.")
    LocalDate to;

    @Option(names = "--json", description = "Print JSON (for dashboards) instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (to.isBefore(from)) {
            err.println("--to " + to + " is before --from " + from);
            err.flush();
            return ExitCodes.USAGE;
        }
        if (store.off()) {
            err.println("report needs a --store to read (a data folder or a jdbc:postgresql:// URL)");
            err.flush();
            return ExitCodes.USAGE;
        }
        Optional<StoreOptions.Opened> opened = store.open(err);
        if (opened.isEmpty()) {
            return ExitCodes.SERVER_FAILED;
        }
        try (StoreOptions.Opened record = opened.get()) {
            DeterminationReport report = record.ledger().report(from, to, ZoneOffset.UTC);
            out.print(json ? json(report) : text(report, from, to));
            out.flush();
            return ExitCodes.OK;
        }
    }

    static String text(DeterminationReport r, LocalDate from, LocalDate to) {
        StringBuilder s = new StringBuilder();
        s.append("Determinations ").append(from).append(" to ").append(to).append(" (UTC): ").append(r.determinations())
                .append(" answers, ").append(r.lines()).append(" lines\n");
        section(s, "Lines per outcome", r.perOutcome());
        section(s, "Answers per processing outcome", r.perProcessingOutcome());
        section(s, "Lines per policy (version)", r.perPolicy());
        section(s, "Answers per line of business", r.perLineOfBusiness());
        section(s, "Lines per code", r.perCode());
        s.append(String.format(Locale.ROOT, "Prior authorization required: %d of %d lines (%.1f%%)%n", r.priorAuthorizationLines(), r.lines(),
                100 * r.priorAuthorizationShare()));
        section(s, "Codes flagged as needing prior authorization", r.priorAuthorizationPerCode());
        s.append(String.format(Locale.ROOT, "Decision latency: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
                r.p50().toNanos() / 1e6, r.p90().toNanos() / 1e6, r.p99().toNanos() / 1e6));
        return s.toString();
    }

    private static void section(StringBuilder s, String title, Map<String, Long> counts) {
        s.append(title).append(':').append(counts.isEmpty() ? " none\n" : "\n");
        counts.forEach((key, n) -> s.append(String.format(Locale.ROOT, "  %-40s %8d%n", key, n)));
    }

    static String json(DeterminationReport r) {
        StringBuilder s = new StringBuilder("{");
        s.append("\"from\":").append(quote(r.from().toString())).append(",\"before\":").append(quote(r.before().toString()))
                .append(",\"determinations\":").append(r.determinations()).append(",\"lines\":").append(r.lines())
                .append(",\"perOutcome\":").append(object(r.perOutcome()))
                .append(",\"perProcessingOutcome\":").append(object(r.perProcessingOutcome()))
                .append(",\"perPolicy\":").append(object(r.perPolicy()))
                .append(",\"perLineOfBusiness\":").append(object(r.perLineOfBusiness()))
                .append(",\"perCode\":").append(object(r.perCode()))
                .append(",\"priorAuthorizationLines\":").append(r.priorAuthorizationLines())
                .append(",\"priorAuthorizationShare\":").append(String.format(Locale.ROOT, "%.6f", r.priorAuthorizationShare()))
                .append(",\"priorAuthorizationPerCode\":").append(object(r.priorAuthorizationPerCode()))
                .append(",\"latencyMillis\":{\"p50\":").append(millis(r.p50().toNanos())).append(",\"p90\":").append(millis(r.p90().toNanos()))
                .append(",\"p99\":").append(millis(r.p99().toNanos())).append("}}\n");
        return s.toString();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static String object(Map<String, Long> counts) {
        StringBuilder s = new StringBuilder("{");
        counts.forEach((key, n) -> s.append(s.length() > 1 ? "," : "").append(quote(key)).append(':').append(n));
        return s.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
