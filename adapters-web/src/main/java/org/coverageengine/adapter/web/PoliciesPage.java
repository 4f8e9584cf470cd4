package org.coverageengine.adapter.web;

import static org.coverageengine.adapter.web.Html.esc;
import static org.coverageengine.adapter.web.Html.url;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Revision;
import org.coverageengine.domain.policy.Statement;
import org.coverageengine.domain.port.in.DescribePolicies;

/** The loaded policies with their load status, and one policy: versions, groups (searchable) and statements in plain words. */
final class PoliciesPage {

    private final DescribePolicies policies;
    private final Supplier<KnowledgeStatus> status;

    PoliciesPage(DescribePolicies policies, Supplier<KnowledgeStatus> status) {
        this.policies = policies;
        this.status = status;
    }

    /** Every loaded policy, then what is loaded and what failed. */
    String list() {
        StringBuilder html = new StringBuilder("<h1>Policies</h1>\n");
        KnowledgeStatus now = status.get();
        html.append("<section aria-labelledby=\"status\"><h2 id=\"status\">Load status</h2><p>Knowledge in force: <strong>")
                .append(esc(now.version())).append("</strong></p><ul>");
        now.loaded().forEach(l -> html.append("<li>").append(esc(l)).append("</li>"));
        html.append("</ul>");
        if (now.problems().isEmpty()) {
            html.append("<p class=\"ok\">No load errors.</p>");
        } else {
            html.append("<div role=\"alert\" class=\"problems\"><h3>Errors of the last refused load (the knowledge above stays in force)</h3><ul>");
            now.problems().forEach(p -> html.append("<li><code>").append(esc(p)).append("</code></li>"));
            html.append("</ul></div>");
        }
        html.append("</section>\n<section aria-labelledby=\"loaded\"><h2 id=\"loaded\">Loaded policies</h2><table><thead><tr>")
                .append("<th scope=\"col\">Policy</th><th scope=\"col\">Title</th><th scope=\"col\">Payer</th><th scope=\"col\">Versions (effective)</th>")
                .append("<th scope=\"col\">Lines of business</th><th scope=\"col\">Groups</th><th scope=\"col\">Statements</th></tr></thead><tbody>");
        Map<String, List<Policy>> byNumber = policies.list().stream()
                .collect(Collectors.groupingBy(Policy::number, java.util.TreeMap::new, Collectors.toList()));
        byNumber.forEach((number, versions) -> {
            versions.sort(Comparator.comparing(Policy::effectiveDate).reversed());
            Policy latest = versions.get(0);
            html.append("<tr><td><a href=\"/policies/").append(url(number)).append("\">").append(esc(number)).append("</a></td><td>")
                    .append(esc(latest.title())).append("</td><td>").append(esc(latest.payer())).append("</td><td>")
                    .append(esc(versions.stream().map(p -> p.effectiveDate().toString()).collect(Collectors.joining(", ")))).append("</td><td>")
                    .append(esc(latest.governs().stream().map(l -> l.displayName()).sorted().collect(Collectors.joining(", ")))).append("</td><td>")
                    .append(latest.groups().size()).append("</td><td>").append(latest.statements().size()).append("</td></tr>");
        });
        html.append("</tbody></table></section>");
        return html.toString();
    }

    /** One policy (its latest version, with the others listed), its groups filtered by the query when given. */
    Optional<String> one(String number, String query) {
        List<Policy> versions = new ArrayList<>(policies.list().stream().filter(p -> p.number().equals(number)).toList());
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        versions.sort(Comparator.comparing(Policy::effectiveDate).reversed());
        Policy policy = versions.get(0);
        String q = query == null ? "" : query.strip();
        StringBuilder html = new StringBuilder();
        html.append("<h1>Policy ").append(esc(policy.number())).append(": ").append(esc(policy.title())).append("</h1>\n<dl class=\"facts\">")
                .append("<dt>Payer</dt><dd>").append(esc(policy.payer())).append("</dd>")
                .append("<dt>Effective</dt><dd>").append(esc(policy.effectiveDate())).append("</dd>");
        if (policy.nextReviewDate() != null) {
            html.append("<dt>Next review</dt><dd>").append(esc(policy.nextReviewDate())).append("</dd>");
        }
        html.append("<dt>Versions loaded</dt><dd>").append(esc(versions.stream().map(p -> p.effectiveDate().toString()).collect(Collectors.joining(", "))))
                .append("</dd><dt>Governs</dt><dd>").append(esc(policy.governs().stream().map(l -> l.displayName()).sorted().collect(Collectors.joining(", "))))
                .append("</dd>");
        policy.referrals().forEach((lob, text) -> html.append("<dt>").append(esc(lob.displayName())).append("</dt><dd>").append(esc(text)).append("</dd>"));
        if (policy.url() != null && policy.url().matches("https?://[^\\s\"'<>]+")) {
            html.append("<dt>Source</dt><dd><a href=\"").append(esc(policy.url())).append("\" rel=\"noreferrer\">").append(esc(policy.url())).append("</a></dd>");
        }
        if (!policy.relatedPolicies().isEmpty()) {
            html.append("<dt>Related</dt><dd>").append(esc(String.join(", ", policy.relatedPolicies()))).append("</dd>");
        }
        html.append("</dl>\n");
        groups(html, policy, q);
        statements(html, policy);
        if (!policy.revisions().isEmpty()) {
            html.append("<section><h2>Revisions</h2><ul>");
            for (Revision r : policy.revisions()) {
                html.append("<li>").append(esc(r.date())).append(" ").append(esc(r.type())).append(": ").append(esc(r.summary())).append("</li>");
            }
            html.append("</ul></section>");
        }
        return Optional.of(html.toString());
    }

    private static void groups(StringBuilder html, Policy policy, String q) {
        String needle = q.toUpperCase(Locale.ROOT);
        html.append("<section aria-labelledby=\"groups\"><h2 id=\"groups\">Code groups</h2>")
                .append("<form method=\"get\" action=\"/policies/").append(url(policy.number())).append("\" role=\"search\">")
                .append("<label for=\"gq\">Find a code or a group</label><input id=\"gq\" name=\"q\" type=\"search\" maxlength=\"60\" value=\"")
                .append(esc(q)).append("\" placeholder=\"M51.360 or LUMBAR\"><button type=\"submit\">Find</button></form>");
        int shown = 0;
        for (CodeGroup group : policy.groups().values()) {
            List<Code> members = new ArrayList<>(group.members().keySet());
            members.sort(Comparator.naturalOrder());
            boolean groupMatches = needle.isEmpty() || group.name().toUpperCase(Locale.ROOT).contains(needle)
                    || group.title().toUpperCase(Locale.ROOT).contains(needle);
            List<Code> matching = needle.isEmpty() || groupMatches ? members
                    : members.stream().filter(c -> c.value().contains(needle) || c.compactValue().contains(needle.replace(".", ""))).toList();
            if (!groupMatches && matching.isEmpty()) {
                continue;
            }
            shown++;
            html.append("<details class=\"group\" id=\"group-").append(Html.anchor(group.name())).append('"').append(needle.isEmpty() ? "" : " open")
                    .append("><summary><strong>").append(esc(group.name())).append("</strong> ").append(esc(group.title())).append(" · ")
                    .append(group.size()).append(group.size() == 1 ? " code" : " codes");
            if (!group.patterns().isEmpty()) {
                html.append(" and ").append(group.patterns().size()).append(group.patterns().size() == 1 ? " pattern" : " patterns");
            }
            if (!needle.isEmpty() && !groupMatches) {
                html.append(" · ").append(matching.size()).append(" matching \u201c").append(esc(q)).append("\u201d");
            }
            html.append("</summary>");
            if (!group.section().isBlank()) {
                html.append("<p>Section: ").append(esc(group.section())).append("</p>");
            }
            html.append("<ul class=\"codes\">");
            for (Code code : matching) {
                DateRange validity = group.members().get(code);
                html.append("<li><a href=\"/code/").append(url(code.value())).append("\">").append(esc(code.value())).append("</a>");
                if (validity != null && (validity.start() != null || validity.end() != null)) {
                    html.append(" <small>(").append(validity.end() == null ? "from " + esc(validity.start())
                            : (validity.start() == null ? "" : esc(validity.start()) + " ") + "to " + esc(validity.end())).append(")</small>");
                }
                html.append("</li>");
            }
            group.patterns().forEach(p -> html.append("<li><code>").append(esc(p)).append("</code></li>"));
            html.append("</ul></details>");
        }
        if (shown == 0) {
            html.append("<p>No group of this policy has a code or name matching \u201c").append(esc(q)).append("\u201d.</p>");
        }
        html.append("</section>\n");
    }

    private static void statements(StringBuilder html, Policy policy) {
        html.append("<section aria-labelledby=\"statements\"><h2 id=\"statements\">Statements</h2><ol class=\"statements\">");
        for (Statement s : policy.statements()) {
            html.append("<li id=\"st-").append(Html.anchor(s.id())).append("\"><p><strong>").append(esc(s.reason().isBlank() ? s.id() : s.reason()))
                    .append("</strong></p><p>For codes in ");
            List<String> groups = new ArrayList<>(s.lineGroups());
            for (int i = 0; i < groups.size(); i++) {
                html.append(i == 0 ? "" : (i == groups.size() - 1 ? " or " : ", ")).append("<a href=\"#group-").append(Html.anchor(groups.get(i)))
                        .append("\">").append(esc(groups.get(i))).append("</a>");
            }
            if (!s.linesOfBusiness().isEmpty()) {
                html.append(", for ").append(esc(s.linesOfBusiness().stream().map(l -> l.displayName()).sorted().collect(Collectors.joining(", "))))
                        .append(" plans");
            }
            if (!s.conditions().isEmpty()) {
                html.append(", when ").append(esc(s.conditions().stream().map(Condition::describe).collect(Collectors.joining(" and "))));
            }
            html.append(": ").append(esc(effect(s.effect()))).append(".</p><p class=\"cite\">Cites section \u201c").append(esc(s.section()))
                    .append("\u201d [").append(esc(s.id())).append("]</p></li>");
        }
        html.append("</ol></section>");
    }

    /** The effect in plain words. */
    static String effect(Effect effect) {
        if (effect instanceof Effect.Decide decide) {
            return "the line is " + decide.outcome().display().toLowerCase(Locale.ROOT);
        }
        if (effect instanceof Effect.RequireCriteria criteria) {
            return "the line is conditional on criteria set " + criteria.criteriaSet() + " (covered once every criterion is attested)";
        }
        if (effect instanceof Effect.FollowGroup follow) {
            return "the line takes the outcome of the line whose code is in " + follow.group();
        }
        if (effect instanceof Effect.LimitUnits limit) {
            return "at most " + limit.units() + (limit.units() == 1 ? " unit is" : " units are") + " allowed";
        }
        if (effect instanceof Effect.RequirePriorAuthorization) {
            return "prior authorization is required";
        }
        return "a note is added to the line";
    }
}
