package org.coverageengine.adapter.web;

import static org.coverageengine.adapter.web.Html.esc;
import static org.coverageengine.adapter.web.Html.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.edit.EditKind;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.MueEdit;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.edit.PtpEditsNaming;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.LookUpCode;
import org.coverageengine.domain.port.out.CodingEdits;

/** The search page (codes by code or words, ranked, with the true number of matches) and one code's page. */
final class CodePages {

    /** Most results listed on one search page; the count shown is always the true one. */
    static final int SHOWN = 50;
    /** Most matches counted; a search matching more says "more than". */
    private static final int COUNTED = 100_000;
    /** Most PTP rows naming a code listed per table; a common code is named by thousands. */
    static final int NAMING_ROWS_SHOWN = 50;

    private final LookUpCode lookUp;
    private final DescribePolicies policies;
    private final Supplier<CodingEdits> edits;

    CodePages(LookUpCode lookUp, DescribePolicies policies, Supplier<CodingEdits> edits) {
        this.lookUp = lookUp;
        this.policies = policies;
        this.edits = edits;
    }

    /** The search form, and the results when there is a query. */
    String search(String query) {
        String q = query == null ? "" : query.strip();
        StringBuilder html = new StringBuilder();
        html.append("<h1>Search codes</h1>\n<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">")
                .append("<label for=\"q\">Code or words</label>")
                .append("<input id=\"q\" name=\"q\" type=\"search\" value=\"").append(esc(q))
                .append("\" placeholder=\"S9090, 95940, M51.360 or spinal decompression\" maxlength=\"200\" autofocus>")
                .append("<button type=\"submit\">Search</button></form>\n");
        if (q.isEmpty()) {
            html.append("<p>Search CPT, HCPCS Level II and ICD-10-CM codes by code, description or another name "
                    + "they are known by. Every code page shows what the catalog knows, the policies that mention it "
                    + "and its NCCI edits.</p>");
            return html.toString();
        }
        Optional<LookUpCode.CodeFacts> exact = q.length() <= 10 ? lookUp.byCode(q) : Optional.empty();
        List<CodeEntry> found = q.length() > 200 ? List.of() : lookUp.byKeyword(q, COUNTED);
        List<CodeEntry> listed = new ArrayList<>();
        exact.ifPresent(f -> f.entries().stream().findFirst().ifPresent(listed::add));
        for (CodeEntry entry : found) {
            if (listed.size() >= SHOWN) {
                break;
            }
            if (listed.stream().noneMatch(e -> e.code().equals(entry.code()))) {
                listed.add(entry);
            }
        }
        int total = found.size() + (exact.isPresent() && found.stream().noneMatch(e -> e.code().value().equals(exact.get().code())) ? 1 : 0);
        html.append("<section aria-labelledby=\"results\"><h2 id=\"results\">");
        if (exact.isPresent() && exact.get().entries().isEmpty()) {
            html.append("Code ").append(esc(exact.get().code())).append("</h2><p><a href=\"/code/").append(url(exact.get().code()))
                    .append("\">").append(esc(exact.get().code())).append("</a> is not in the loaded catalog, but a policy mentions it.</p></section>");
            return html.toString();
        }
        if (total == 0) {
            html.append("No code or description matches \u201c").append(esc(q)).append("\u201d</h2></section>");
            return html.toString();
        }
        html.append(total >= COUNTED ? "More than " + COUNTED : String.valueOf(total)).append(total == 1 ? " match" : " matches")
                .append(" for \u201c").append(esc(q)).append("\u201d</h2>");
        if (total > listed.size()) {
            html.append("<p class=\"note\">Showing the best ").append(listed.size()).append(" of ").append(total)
                    .append(". Add words to narrow the search.</p>");
        }
        html.append("<ol class=\"results\">");
        for (CodeEntry entry : listed) {
            html.append("<li><a class=\"code\" href=\"/code/").append(url(entry.code().value())).append("\">")
                    .append(esc(entry.code().value())).append("</a> <span class=\"system\">").append(esc(entry.code().system().displayName()))
                    .append("</span> ").append(esc(entry.display()));
            if (!entry.synonyms().isEmpty()) {
                html.append(" <span class=\"aka\">(also known as: ").append(esc(String.join(", ", entry.synonyms()))).append(")</span>");
            }
            html.append("</li>");
        }
        html.append("</ol></section>");
        return html.toString();
    }

    /** The page of one code, or empty when neither the catalog nor a policy knows it. */
    Optional<String> code(String text, String pairWith) {
        Optional<LookUpCode.CodeFacts> found = text.length() > 12 ? Optional.empty() : lookUp.byCode(text);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LookUpCode.CodeFacts facts = found.get();
        StringBuilder html = new StringBuilder();
        if (facts.entries().isEmpty()) {
            html.append("<h1><span class=\"code\">").append(esc(facts.code())).append("</span></h1><p>Not in the loaded catalog.</p>");
        }
        Code code = null;
        for (CodeEntry e : facts.entries()) {
            code = e.code();
            html.append("<article class=\"code-page\">\n<h1><span class=\"code\">").append(esc(e.code().value())).append("</span> ")
                    .append(esc(e.shortDescription() == null ? e.display() : e.shortDescription())).append("</h1>\n")
                    .append("<p class=\"system\">").append(esc(e.code().system().displayName()))
                    .append(e.billable() ? "" : " · category heading, not billable").append(e.addOn() ? " · add-on code" : "").append("</p>\n");
            if (!e.synonyms().isEmpty()) {
                html.append("<p class=\"aka\"><strong>Also known as:</strong> ").append(esc(String.join(", ", e.synonyms()))).append("</p>\n");
            }
            html.append("<p class=\"lead\">").append(esc(e.longDescription())).append("</p>\n");
            section(html, "In plain language", e.plainLanguage());
            section(html, "Clinical context", e.clinicalContext());
            section(html, "RVU information", e.rvuFacts().map(r -> r.describe()).orElse(null));
            section(html, "Billing and documentation", e.billingNote().orElse(null));
            if (e.addOn()) {
                section(html, "Add-on code", "List separately in addition to the code for the primary procedure.");
            }
            if (!e.specialties().isEmpty()) {
                html.append("<section><h2>Specialties</h2><ul class=\"tags\">");
                e.specialties().forEach(s -> html.append("<li>").append(esc(s)).append("</li>"));
                html.append("</ul></section>\n");
            }
            for (String note : e.notes()) {
                section(html, "Note", note);
            }
            html.append("<section><h2>Dates and sources</h2><dl class=\"facts\">")
                    .append("<dt>Effective</dt><dd>").append(e.validity().start() == null ? "(no start date known)" : esc(e.validity().start())).append("</dd>")
                    .append("<dt>Terminated</dt><dd>").append(e.validity().end() == null ? "(in effect)" : esc(e.validity().end())).append("</dd>")
                    .append("<dt>Sources</dt><dd>").append(esc(String.join("; ", e.sources()))).append("</dd></dl></section>\n</article>\n");
        }
        policiesMentioning(html, code, facts);
        if (code == null || code.system() != org.coverageengine.domain.code.CodeSystem.ICD10CM) {
            ncci(html, facts.code(), pairWith);
        }
        return Optional.of(html.toString());
    }

    private void policiesMentioning(StringBuilder html, Code code, LookUpCode.CodeFacts facts) {
        html.append("<section><h2>Policies and groups that mention it</h2>");
        List<String> items = new ArrayList<>();
        if (code != null) {
            for (Policy policy : latestVersions()) {
                List<String> groups = policy.groupsMentioning(code);
                if (groups.isEmpty()) {
                    continue;
                }
                StringBuilder item = new StringBuilder("<li><a href=\"/policies/").append(url(policy.number())).append("\">Policy ")
                        .append(esc(policy.number())).append(" ").append(esc(policy.title())).append("</a>: ");
                for (int i = 0; i < groups.size(); i++) {
                    String name = groups.get(i);
                    item.append(i == 0 ? "" : ", ").append("<a href=\"/policies/").append(url(policy.number())).append("#group-")
                            .append(Html.anchor(name)).append("\">").append(esc(name)).append("</a>");
                }
                items.add(item.append("</li>").toString());
            }
        } else {
            facts.policyMentions().forEach(m -> items.add("<li>" + esc(m) + "</li>"));
        }
        if (items.isEmpty()) {
            html.append("<p>No loaded policy mentions it.</p>");
        } else {
            html.append("<ul>").append(String.join("", items)).append("</ul>");
        }
        html.append("</section>\n");
    }

    private List<Policy> latestVersions() {
        List<Policy> latest = new ArrayList<>();
        for (Policy policy : policies.list()) {
            latest.removeIf(p -> p.number().equals(policy.number()) && p.effectiveDate().isBefore(policy.effectiveDate()));
            if (latest.stream().noneMatch(p -> p.number().equals(policy.number()))) {
                latest.add(policy);
            }
        }
        return latest;
    }

    private void ncci(StringBuilder html, String code, String pairWith) {
        CodingEdits loaded = edits.get();
        html.append("<section><h2>NCCI edits</h2>");
        List<EditTableId> tables = loaded.tables();
        if (tables.isEmpty()) {
            html.append("<p>No NCCI table is loaded.</p></section>\n");
            return;
        }
        html.append("<h3>Medically unlikely edits (MUE)</h3><table><thead><tr><th scope=\"col\">Table</th><th scope=\"col\">Units per day</th>")
                .append("<th scope=\"col\">Adjudication</th><th scope=\"col\">Rationale</th></tr></thead><tbody>");
        int mues = 0;
        for (EditTableId table : tables) {
            if (table.kind() != EditKind.MUE) {
                continue;
            }
            Optional<MueEdit> mue = loaded.mueEdit(table, code);
            if (mue.isPresent()) {
                mues++;
                html.append("<tr><td>").append(esc(tableName(table))).append("</td><td>").append(mue.get().value()).append("</td><td>")
                        .append(esc(mue.get().indicator())).append("</td><td>").append(esc(mue.get().rationale())).append("</td></tr>");
            }
        }
        html.append("</tbody></table>");
        if (mues == 0) {
            html.append("<p>No loaded MUE table lists ").append(esc(code)).append(".</p>");
        }
        String other = pairWith == null ? "" : pairWith.strip().toUpperCase(java.util.Locale.ROOT);
        html.append("<h3>Procedure-to-procedure edits (PTP)</h3>");
        editsNaming(html, loaded, code);
        html.append("<form method=\"get\" action=\"/code/").append(url(code))
                .append("\"><label for=\"pair\">Edits between ").append(esc(code)).append(" and</label><input id=\"pair\" name=\"pair\" value=\"")
                .append(esc(other)).append("\" maxlength=\"5\" size=\"6\"><button type=\"submit\">Show edits</button></form>");
        if (other.length() == 5) {
            int rows = 0;
            html.append("<table><thead><tr><th scope=\"col\">Table</th><th scope=\"col\">Column 1 / column 2</th><th scope=\"col\">Effective</th>")
                    .append("<th scope=\"col\">Deleted</th><th scope=\"col\">Modifier</th><th scope=\"col\">Rationale</th></tr></thead><tbody>");
            for (EditTableId table : tables) {
                if (table.kind() != EditKind.PTP) {
                    continue;
                }
                List<PtpEdit> rowsOfPair = new ArrayList<>(loaded.ptpEdits(table, code, other));
                rowsOfPair.addAll(loaded.ptpEdits(table, other, code));
                for (PtpEdit edit : rowsOfPair) {
                    rows++;
                    html.append("<tr><td>").append(esc(tableName(table))).append("</td><td><a href=\"/code/").append(url(edit.column1())).append("\">")
                            .append(esc(edit.column1())).append("</a> / <a href=\"/code/").append(url(edit.column2())).append("\">").append(esc(edit.column2()))
                            .append("</a></td><td>").append(esc(edit.effective())).append("</td><td>").append(esc(edit.deletionDate().map(Object::toString).orElse("")))
                            .append("</td><td>").append(esc(edit.indicator())).append("</td><td>").append(esc(edit.rationale())).append("</td></tr>");
                }
            }
            html.append("</tbody></table>");
            if (rows == 0) {
                html.append("<p>No loaded PTP table pairs ").append(esc(code)).append(" with ").append(esc(other)).append(".</p>");
            }
        }
        html.append("</section>\n");
    }

    /** Every PTP table's rows naming the code, the first {@link #NAMING_ROWS_SHOWN} of each with the true count. */
    private static void editsNaming(StringBuilder html, CodingEdits loaded, String code) {
        boolean any = false;
        for (EditTableId table : loaded.tables()) {
            if (table.kind() != EditKind.PTP) {
                continue;
            }
            PtpEditsNaming naming = loaded.ptpEditsNaming(table, code, NAMING_ROWS_SHOWN);
            if (naming.total() == 0) {
                continue;
            }
            any = true;
            html.append("<table class=\"ptp-naming\"><caption>").append(esc(tableName(table))).append(" (").append(esc(table.source())).append("): ")
                    .append(naming.total()).append(naming.total() == 1 ? " edit names " : " edits name ").append(esc(code))
                    .append(naming.truncated() ? ", the first " + naming.rows().size() + " shown" : "").append("</caption>")
                    .append("<thead><tr><th scope=\"col\">Column 1 / column 2</th><th scope=\"col\">").append(esc(code)).append(" is</th>")
                    .append("<th scope=\"col\">Effective</th><th scope=\"col\">Deleted</th><th scope=\"col\">Modifier</th>")
                    .append("<th scope=\"col\">Rationale</th></tr></thead><tbody>");
            for (PtpEdit edit : naming.rows()) {
                html.append("<tr><td><a href=\"/code/").append(url(edit.column1())).append("\">").append(esc(edit.column1()))
                        .append("</a> / <a href=\"/code/").append(url(edit.column2())).append("\">").append(esc(edit.column2())).append("</a></td><td>")
                        .append(esc(naming.roleIn(edit))).append("</td><td>").append(esc(edit.effective())).append("</td><td>")
                        .append(esc(edit.deletionDate().map(Object::toString).orElse(""))).append("</td><td>").append(esc(edit.indicator().display()))
                        .append("</td><td>").append(esc(edit.rationale())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        if (!any) {
            html.append("<p>No loaded PTP table names ").append(esc(code)).append(".</p>");
        }
    }

    private static String tableName(EditTableId table) {
        return table.programme().displayName() + " " + table.setting().displayName() + " " + table.kind() + " " + table.quarter();
    }

    private static void section(StringBuilder html, String title, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        html.append("<section><h2>").append(esc(title)).append("</h2><p>").append(esc(text)).append("</p></section>\n");
    }
}
