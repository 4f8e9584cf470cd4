package org.coverageengine.adapter.web;

import static org.coverageengine.adapter.web.Html.esc;
import static org.coverageengine.adapter.web.Html.url;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.DetermineCoverage;

/** The /try form (lines, line of business, date, attestations) and the determination it gives, with its FHIR exchange. */
final class TryPage {

    /** Rows of the form; a request may leave any of them empty. */
    static final int ROWS = 6;
    private static final int MAX_FIELD = 200;

    private final DetermineCoverage determine;
    private final DescribePolicies policies;
    private final FhirRendering fhir;

    TryPage(DetermineCoverage determine, DescribePolicies policies, FhirRendering fhir) {
        this.determine = determine;
        this.policies = policies;
        this.fhir = fhir;
    }

    /** The form as submitted (or empty), then the result or the problems with the input. */
    String render(Function<String, String> form, String csrfToken, boolean submitted) {
        StringBuilder html = new StringBuilder("<h1>Try a determination</h1>\n");
        List<String> problems = new ArrayList<>();
        CoverageRequest request = submitted ? read(form, problems) : null;
        StringBuilder formHtml = new StringBuilder();
        form(formHtml, form, csrfToken);
        if (!submitted) {
            return html.append(formHtml).toString();
        }
        if (!problems.isEmpty()) {
            html.append("<section class=\"problems\" role=\"alert\" aria-labelledby=\"problems\"><h2 id=\"problems\">The form has problems</h2><ul>");
            problems.forEach(p -> html.append("<li>").append(esc(p)).append("</li>"));
            return html.append("</ul></section>").append(formHtml).toString();
        }
        // The answer comes first, where the eye lands after submitting; the form follows to change and try again.
        CoverageDecision decision = determine.determine(request);
        result(html, decision);
        FhirRendering.Exchange exchange = fhir.render(request);
        html.append("<section aria-labelledby=\"fhir\"><h2 id=\"fhir\">The same determination over FHIR</h2>")
                .append("<p>POST this body to <code>/fhir/CoverageEligibilityRequest/$submit</code> with ")
                .append("<code>Content-Type: application/fhir+json</code>; the endpoint answers with the response below.</p>");
        block(html, "fhir-request", "Request (CoverageEligibilityRequest)", exchange.requestJson());
        block(html, "fhir-response", "Response (CoverageEligibilityResponse)", exchange.responseJson());
        html.append("</section><h2>Change and try again</h2>").append(formHtml);
        return html.toString();
    }

    private static void block(StringBuilder html, String id, String title, String text) {
        html.append("<h3 id=\"").append(id).append("-title\">").append(esc(title)).append("</h3>")
                .append("<button type=\"button\" class=\"copy\" data-copy=\"").append(id).append("\">Copy</button>")
                .append("<pre id=\"").append(id).append("\" tabindex=\"0\" aria-labelledby=\"").append(id).append("-title\">")
                .append(esc(text)).append("</pre>");
    }

    private void form(StringBuilder html, Function<String, String> form, String csrfToken) {
        html.append("<form method=\"post\" action=\"/try\" class=\"try\">\n<input type=\"hidden\" name=\"").append(CsrfTokens.FIELD)
                .append("\" value=\"").append(esc(csrfToken)).append("\">\n<div class=\"row\">")
                .append("<p><label for=\"date\">Date of service</label><input id=\"date\" name=\"date\" type=\"date\" value=\"")
                .append(esc(value(form, "date"))).append("\"></p>")
                .append("<p><label for=\"lob\">Line of business</label><select id=\"lob\" name=\"lob\">");
        String lob = value(form, "lob");
        for (LineOfBusiness each : LineOfBusiness.values()) {
            html.append("<option value=\"").append(esc(each.code())).append('"').append(each.code().equals(lob) ? " selected" : "")
                    .append('>').append(esc(each.displayName())).append("</option>");
        }
        html.append("</select></p></div>\n<fieldset><legend>Lines</legend><table class=\"lines\"><thead><tr><th scope=\"col\">#</th>")
                .append("<th scope=\"col\">Procedure code</th><th scope=\"col\">Units</th><th scope=\"col\">Modifiers</th>")
                .append("<th scope=\"col\">Diagnoses (ICD-10-CM)</th></tr></thead><tbody>");
        for (int i = 1; i <= ROWS; i++) {
            html.append("<tr><td>").append(i).append("</td>");
            cell(html, "code" + i, "Procedure code, line " + i, value(form, "code" + i), "8", "95940");
            cell(html, "units" + i, "Units, line " + i, value(form, "units" + i), "4", "1");
            cell(html, "mod" + i, "Modifiers, line " + i, value(form, "mod" + i), "8", "59, XU");
            cell(html, "dx" + i, "Diagnoses, line " + i, value(form, "dx" + i), "16", "C71.1, G40.909");
            html.append("</tr>");
        }
        html.append("</tbody></table></fieldset>\n<fieldset><legend>Criteria attested as documented</legend>");
        Set<String> attested = attested(form);
        Map<String, String> criteria = knownCriteria();
        if (criteria.isEmpty()) {
            html.append("<p>No loaded policy has criteria to attest.</p>");
        }
        html.append("<ul class=\"criteria\">");
        int n = 0;
        for (Map.Entry<String, String> criterion : criteria.entrySet()) {
            n++;
            html.append("<li><input type=\"checkbox\" id=\"att").append(n).append("\" name=\"attest\" value=\"").append(esc(criterion.getKey()))
                    .append('"').append(attested.contains(criterion.getKey()) ? " checked" : "").append("><label for=\"att").append(n)
                    .append("\"><code>").append(esc(criterion.getKey())).append("</code> ").append(esc(shorten(criterion.getValue())))
                    .append("</label></li>");
        }
        html.append("</ul></fieldset>\n<p><button type=\"submit\">Determine coverage</button> <a href=\"/try\">Clear</a></p></form>\n");
    }

    private static void cell(StringBuilder html, String name, String label, String value, String size, String placeholder) {
        html.append("<td><label class=\"visually-hidden\" for=\"").append(name).append("\">").append(esc(label)).append("</label><input id=\"")
                .append(name).append("\" name=\"").append(name).append("\" size=\"").append(size).append("\" maxlength=\"").append(MAX_FIELD)
                .append("\" placeholder=\"").append(esc(placeholder)).append("\" value=\"").append(esc(value)).append("\"></td>");
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }

    /** Every leaf criterion of every loaded policy's criteria sets, by code. */
    private Map<String, String> knownCriteria() {
        Map<String, String> criteria = new LinkedHashMap<>();
        for (Policy policy : policies.list()) {
            policy.criteriaSets().values().forEach(node -> leaves(node, criteria));
        }
        return criteria;
    }

    private static void leaves(CriteriaNode node, Map<String, String> into) {
        if (node.combinator() == CriteriaNode.Combinator.LEAF) {
            into.putIfAbsent(node.code(), node.text());
        }
        node.children().forEach(child -> leaves(child, into));
    }

    private static String value(Function<String, String> form, String name) {
        String value = form.apply(name);
        if (value == null) {
            return "";
        }
        value = value.strip();
        return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value;
    }

    private static Set<String> attested(Function<String, String> form) {
        Set<String> codes = new LinkedHashSet<>();
        String all = form.apply("attest");
        if (all != null) {
            for (String code : all.split("\n")) {
                if (!code.isBlank() && code.length() <= MAX_FIELD) {
                    codes.add(code.strip());
                }
            }
        }
        return codes;
    }

    private static CoverageRequest read(Function<String, String> form, List<String> problems) {
        LocalDate date = null;
        String dateText = value(form, "date");
        if (!dateText.isEmpty()) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                problems.add("Date of service: '" + dateText + "' is not a date (YYYY-MM-DD).");
            }
        }
        LineOfBusiness lob = LineOfBusiness.parse(value(form, "lob")).orElse(null);
        if (lob == null && !value(form, "lob").isEmpty()) {
            problems.add("Line of business: '" + value(form, "lob") + "' is not one the engine knows.");
        }
        List<RequestedLine> lines = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            String code = value(form, "code" + i);
            if (code.isEmpty()) {
                if (!value(form, "dx" + i).isEmpty() || !value(form, "mod" + i).isEmpty()) {
                    problems.add("Line " + i + ": diagnoses or modifiers are given but no procedure code.");
                }
                continue;
            }
            int units = 1;
            String unitsText = value(form, "units" + i);
            if (!unitsText.isEmpty()) {
                try {
                    units = Integer.parseInt(unitsText);
                } catch (NumberFormatException e) {
                    units = 0;
                }
                if (units < 1 || units > 9999) {
                    problems.add("Line " + i + ": units must be a whole number from 1 to 9999, was '" + unitsText + "'.");
                    continue;
                }
            }
            List<String> modifiers = new ArrayList<>();
            for (String modifier : split(value(form, "mod" + i))) {
                modifiers.add(modifier.toUpperCase(Locale.ROOT));
            }
            List<CodeText> diagnoses = new ArrayList<>();
            for (String dx : split(value(form, "dx" + i))) {
                diagnoses.add(CodeText.diagnosis(dx));
            }
            lines.add(new RequestedLine(lines.size() + 1, CodeText.procedure(code), units, modifiers, diagnoses));
        }
        if (lines.isEmpty()) {
            problems.add("Give at least one line with a procedure code.");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new CoverageRequest(date, lob, lines, attested(form));
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    private static void result(StringBuilder html, CoverageDecision decision) {
        html.append("<section aria-labelledby=\"result\" class=\"result\"><h2 id=\"result\">Determination</h2><p>Date of service ")
                .append(esc(decision.dateOfService())).append(decision.dateOfServiceAssumed() ? " (assumed: none given)" : "")
                .append(" · ").append(esc(decision.lineOfBusiness().displayName())).append(decision.lineOfBusinessAssumed() ? " (assumed: none given)" : "")
                .append(" · knowledge ").append(esc(decision.knowledgeVersion())).append("</p>");
        if (!decision.notices().isEmpty()) {
            html.append("<ul class=\"notices\">");
            decision.notices().forEach(n -> html.append("<li>").append(esc(n)).append("</li>"));
            html.append("</ul>");
        }
        for (Determination d : decision.determinations()) {
            line(html, d);
        }
        html.append("</section>");
    }

    /** One line's outcome, reasons, citations and criteria, as the determinations pages also show it. */
    static void line(StringBuilder html, Determination d) {
        html.append("<article class=\"line\" id=\"line-").append(d.sequence()).append("\" data-code=\"").append(esc(d.code())).append("\">")
                .append("<h3>Line ").append(d.sequence()).append(": <a href=\"/code/").append(url(d.code())).append("\">").append(esc(d.code()))
                .append("</a> <span class=\"outcome outcome-").append(esc(d.outcome().code())).append("\">").append(esc(d.outcome().code()))
                .append("</span></h3>");
        if (d.display() != null && !d.display().isBlank()) {
            html.append("<p class=\"display\">").append(esc(d.display())).append("</p>");
        }
        html.append("<p class=\"meaning\">").append(esc(d.outcome().display())).append(". Units requested: ").append(d.requestedUnits());
        if (d.allowedUnits() != null) {
            html.append("; allowed: ").append(d.allowedUnits());
        }
        if (!d.modifiers().isEmpty()) {
            html.append("; modifiers: ").append(esc(String.join(", ", d.modifiers())));
        }
        if (d.priorAuthorizationRequired()) {
            html.append(". <strong>Prior authorization required.</strong>");
        }
        html.append("</p>");
        if (!d.reasons().isEmpty()) {
            html.append("<h4>Why</h4><ul>");
            d.reasons().forEach(r -> html.append("<li>").append(esc(r)).append("</li>"));
            html.append("</ul>");
        }
        if (!d.citations().isEmpty()) {
            html.append("<h4>Citations</h4><ul>");
            for (Citation c : d.citations()) {
                html.append("<li>");
                if (!c.citesNcciEdit()) {
                    html.append("<a href=\"/policies/").append(url(c.policyNumber())).append("\">").append(esc(c.describe())).append("</a>");
                } else {
                    html.append(esc(c.describe()));
                }
                html.append("</li>");
            }
            html.append("</ul>");
        }
        if (!d.criteria().isEmpty()) {
            html.append("<h4>Criteria to document</h4><ul class=\"checklist\">");
            for (Criterion c : d.criteria()) {
                html.append("<li>").append(c.attested() ? "<span class=\"met\">attested</span> " : "<span class=\"open\">to document</span> ")
                        .append("<code>").append(esc(c.code())).append("</code> (").append(esc(c.requirement())).append("): ").append(esc(c.text()))
                        .append("</li>");
            }
            html.append("</ul>");
        }
        html.append("</article>");
    }
}
