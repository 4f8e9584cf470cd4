package org.coverageengine.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.Outcome;

/** Renders a decision for people (a wrapped table) or for programs (JSON). */
final class DecisionText {

    private static final int WIDTH = 110;

    private DecisionText() {
    }

    static String table(CoverageDecision decision, List<String> extraNotices) {
        StringBuilder out = new StringBuilder();
        out.append("Date of service ").append(decision.dateOfService()).append(" | line of business ").append(decision.lineOfBusiness().code())
                .append(" | knowledge ").append(decision.knowledgeVersion()).append('\n');
        for (String notice : decision.notices()) {
            out.append("Note: ").append(notice).append('\n');
        }
        for (String notice : extraNotices) {
            out.append("Note: ").append(notice).append('\n');
        }
        // The modifiers are part of the code a biller reads: they are what bypassed an NCCI edit, or failed to.
        int codeWidth = 8;
        for (Determination d : decision.determinations()) {
            codeWidth = Math.max(codeWidth, billed(d).length());
        }
        int whyAt = codeWidth + 25;
        String row = "%-4s %-" + codeWidth + "s %-5s %-12s %s";
        String header = String.format(Locale.ROOT, row, "LINE", "CODE", "UNITS", "OUTCOME", "WHY");
        out.append('\n').append(header).append('\n').append("-".repeat(Math.min(WIDTH, 110))).append('\n');
        String indent = " ".repeat(whyAt);
        for (Determination d : decision.determinations()) {
            // Allowed units mean something only where something is paid: a denied line shows what was asked for.
            boolean paid = d.outcome() == Outcome.COVERED || d.outcome() == Outcome.CONDITIONAL;
            String units = d.allowedUnits() == null || !paid ? String.valueOf(d.requestedUnits()) : d.requestedUnits() + "/" + d.allowedUnits();
            List<String> why = wrap(d.explanation(), WIDTH - whyAt);
            out.append(String.format(Locale.ROOT, row, d.sequence(), billed(d), units, d.outcome().code(),
                    why.isEmpty() ? "" : why.get(0))).append('\n');
            for (int i = 1; i < why.size(); i++) {
                out.append(indent).append(why.get(i)).append('\n');
            }
            if (d.priorAuthorizationRequired() && !d.explanation().toLowerCase(Locale.ROOT).contains("prior authorization")) {
                out.append(indent).append("Prior authorization required.").append('\n');
            }
            for (Citation citation : d.citations()) {
                for (String line : wrap("Cites " + citation.describe(), WIDTH - whyAt)) {
                    out.append(indent).append(line).append('\n');
                }
            }
            if (!d.criteria().isEmpty()) {
                out.append(indent).append("Criteria to document:").append('\n');
                for (Criterion criterion : d.criteria()) {
                    List<String> text = wrap((criterion.attested() ? "[x] " : "[ ] ") + criterion.code() + " (" + criterion.requirement() + "): "
                            + criterion.text(), WIDTH - whyAt - 2);
                    for (int i = 0; i < text.size(); i++) {
                        out.append(indent).append(i == 0 ? "  " : "      ").append(text.get(i)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** "36591-59", "99213-25-GA": the code as billed, with its modifiers. */
    private static String billed(Determination d) {
        return d.modifiers().isEmpty() ? d.code() : d.code() + "-" + String.join("-", d.modifiers());
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    static String json(CoverageDecision decision, List<String> extraNotices) {
        Json json = new Json();
        json.begin();
        json.field("knowledgeVersion", decision.knowledgeVersion());
        json.field("dateOfService", decision.dateOfService().toString());
        json.field("dateOfServiceAssumed", decision.dateOfServiceAssumed());
        json.field("lineOfBusiness", decision.lineOfBusiness().code());
        json.field("lineOfBusinessAssumed", decision.lineOfBusinessAssumed());
        List<String> notices = new ArrayList<>(decision.notices());
        notices.addAll(extraNotices);
        json.strings("notices", notices);
        json.key("determinations").raw("[");
        boolean first = true;
        for (Determination d : decision.determinations()) {
            if (!first) {
                json.raw(",");
            }
            first = false;
            json.begin();
            json.field("line", d.sequence());
            json.field("code", d.code());
            json.field("system", d.system() == null ? null : d.system().displayName());
            json.field("display", d.display());
            json.field("outcome", d.outcome().code());
            json.field("excluded", d.outcome().excluded().orElse(null));
            json.strings("reasons", d.reasons());
            json.key("citations").raw("[");
            for (int i = 0; i < d.citations().size(); i++) {
                Citation c = d.citations().get(i);
                json.raw(i == 0 ? "" : ",").begin();
                json.field("policy", c.policyNumber());
                json.field("policyTitle", c.policyTitle());
                json.field("policyVersion", c.policyVersion().toString());
                json.field("section", c.section());
                json.field("statement", c.statementId());
                json.field("trigger", c.trigger());
                json.end();
            }
            json.raw("],");
            json.key("criteria").raw("[");
            for (int i = 0; i < d.criteria().size(); i++) {
                Criterion c = d.criteria().get(i);
                json.raw(i == 0 ? "" : ",").begin();
                json.field("code", c.code());
                json.field("text", c.text());
                json.field("requirement", c.requirement());
                json.field("attested", c.attested());
                json.end();
            }
            json.raw("],");
            json.field("requestedUnits", d.requestedUnits());
            json.field("allowedUnits", d.allowedUnits());
            json.field("priorAuthorizationRequired", d.priorAuthorizationRequired());
            json.end();
        }
        json.raw("]");
        json.end();
        return json.toString();
    }

    /** A minimal JSON writer: enough for the decision, with RFC 8259 string escaping. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder();

        Json begin() {
            out.append('{');
            return this;
        }

        Json end() {
            if (out.charAt(out.length() - 1) == ',') {
                out.setLength(out.length() - 1);
            }
            out.append('}');
            return this;
        }

        Json raw(String text) {
            out.append(text);
            return this;
        }

        Json key(String name) {
            string(name);
            out.append(':');
            return this;
        }

        void field(String name, Object value) {
            key(name);
            if (value == null) {
                out.append("null");
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else {
                string(value.toString());
            }
            out.append(',');
        }

        void strings(String name, List<String> values) {
            key(name).raw("[");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(values.get(i));
            }
            out.append("],");
        }

        private void string(String text) {
            out.append('"');
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
