package org.coverageengine.adapter.web;

import static org.coverageengine.adapter.web.Html.esc;
import static org.coverageengine.adapter.web.Html.url;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.Outcome;

/** Recent recorded determinations, a search by code, outcome and date, one in full, and the record's charts. */
final class DeterminationsPage {

    /** Most entries listed. */
    static final int LISTED = 100;
    /** Most entries the charts summarise. */
    private static final int CHARTED = 20_000;

    private final RecordedDeterminations record;

    DeterminationsPage(RecordedDeterminations record) {
        this.record = record;
    }

    /** The search form, the matching entries and the charts over them. */
    String list(String code, String outcome, String from, String to) {
        List<String> problems = new ArrayList<>();
        Outcome wanted = blank(outcome) ? null : Outcome.fromCode(outcome).orElse(null);
        if (!blank(outcome) && wanted == null) {
            problems.add("Outcome '" + outcome + "' is not one of the engine's outcomes.");
        }
        LocalDate fromDate = date(from, "From", problems);
        LocalDate toDate = date(to, "To", problems);
        String codeText = blank(code) ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
        StringBuilder html = new StringBuilder("<h1>Determinations</h1>\n<form method=\"get\" action=\"/determinations\" class=\"row\" role=\"search\">")
                .append("<p><label for=\"dcode\">Code</label><input id=\"dcode\" name=\"code\" maxlength=\"10\" size=\"8\" value=\"").append(esc(codeText))
                .append("\"></p><p><label for=\"doutcome\">Outcome</label><select id=\"doutcome\" name=\"outcome\"><option value=\"\">any</option>");
        for (Outcome each : Outcome.values()) {
            html.append("<option value=\"").append(each.code()).append('"').append(each == wanted ? " selected" : "").append('>').append(each.code())
                    .append("</option>");
        }
        html.append("</select></p><p><label for=\"dfrom\">From</label><input id=\"dfrom\" name=\"from\" type=\"date\" value=\"").append(esc(fromDate))
                .append("\"></p><p><label for=\"dto\">To</label><input id=\"dto\" name=\"to\" type=\"date\" value=\"").append(esc(toDate))
                .append("\"></p><p><button type=\"submit\">Search</button></p></form>\n");
        if (!problems.isEmpty()) {
            html.append("<ul role=\"alert\" class=\"problems\">");
            problems.forEach(p -> html.append("<li>").append(esc(p)).append("</li>"));
            return html.append("</ul>").toString();
        }
        RecordedDeterminations.Query query = new RecordedDeterminations.Query(codeText, wanted, fromDate, toDate);
        List<RecordedDeterminations.Entry> entries = record.find(query, CHARTED);
        charts(html, entries);
        html.append("<section aria-labelledby=\"recent\"><h2 id=\"recent\">").append(entries.size() >= CHARTED ? "More than " + CHARTED : entries.size())
                .append(entries.size() == 1 ? " determination" : " determinations").append(entries.size() > LISTED ? ", the newest " + LISTED + " listed" : "")
                .append("</h2><table><thead><tr><th scope=\"col\">Decided</th><th scope=\"col\">Date of service</th><th scope=\"col\">Lines</th>")
                .append("<th scope=\"col\">Decision time</th></tr></thead><tbody>");
        for (RecordedDeterminations.Entry entry : entries.subList(0, Math.min(LISTED, entries.size()))) {
            html.append("<tr><td><a href=\"/determinations/").append(url(entry.id())).append("\">").append(esc(entry.decidedAt())).append("</a></td><td>")
                    .append(esc(entry.decision().dateOfService())).append("</td><td>");
            for (Determination d : entry.decision().determinations()) {
                html.append(esc(d.code())).append(" <span class=\"outcome outcome-").append(esc(d.outcome().code())).append("\">").append(esc(d.outcome().code()))
                        .append("</span> ");
            }
            html.append("</td><td>").append(String.format(java.util.Locale.ROOT, "%.1f ms", entry.decisionTime().toNanos() / 1e6)).append("</td></tr>");
        }
        return html.append("</tbody></table></section>").toString();
    }

    /** One entry in full, or empty when the id is unknown. */
    Optional<String> one(String id) {
        Optional<RecordedDeterminations.Entry> found = id.length() > 100 ? Optional.empty() : record.byId(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RecordedDeterminations.Entry entry = found.get();
        StringBuilder html = new StringBuilder("<h1>Determination ").append(esc(entry.id())).append("</h1><dl class=\"facts\"><dt>Decided</dt><dd>")
                .append(esc(entry.decidedAt())).append("</dd><dt>Decision time</dt><dd>")
                .append(String.format(java.util.Locale.ROOT, "%.1f ms", entry.decisionTime().toNanos() / 1e6)).append("</dd><dt>Date of service</dt><dd>")
                .append(esc(entry.decision().dateOfService())).append("</dd><dt>Line of business</dt><dd>").append(esc(entry.decision().lineOfBusiness().displayName()))
                .append("</dd><dt>Knowledge</dt><dd>").append(esc(entry.decision().knowledgeVersion())).append("</dd><dt>Attested</dt><dd>")
                .append(esc(String.join(", ", entry.request().attestedCriteria()))).append("</dd></dl>");
        entry.decision().notices().forEach(n -> html.append("<p class=\"note\">").append(esc(n)).append("</p>"));
        entry.decision().determinations().forEach(d -> TryPage.line(html, d));
        return Optional.of(html.toString());
    }

    private static void charts(StringBuilder html, List<RecordedDeterminations.Entry> entries) {
        Map<LocalDate, Map<Outcome, Integer>> perDay = new TreeMap<>();
        Map<LocalDate, List<Long>> times = new TreeMap<>();
        for (RecordedDeterminations.Entry entry : entries) {
            LocalDate day = entry.decidedAt().atOffset(ZoneOffset.UTC).toLocalDate();
            Map<Outcome, Integer> counts = perDay.computeIfAbsent(day, d -> new EnumMap<>(Outcome.class));
            entry.decision().determinations().forEach(d -> counts.merge(d.outcome(), 1, Integer::sum));
            times.computeIfAbsent(day, d -> new ArrayList<>()).add(entry.decisionTime().toNanos());
        }
        html.append("<section aria-labelledby=\"charts\"><h2 id=\"charts\">Over time (UTC days)</h2><div class=\"charts\">");
        html.append(Charts.outcomesPerDay(perDay)).append(Charts.percentilesPerDay(times)).append("</div></section>");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static LocalDate date(String text, String label, List<String> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(label + ": '" + text + "' is not a date (YYYY-MM-DD).");
            return null;
        }
    }
}
