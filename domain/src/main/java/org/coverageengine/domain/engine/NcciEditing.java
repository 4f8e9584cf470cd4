package org.coverageengine.domain.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.edit.EditApplication;
import org.coverageengine.domain.edit.EditKind;
import org.coverageengine.domain.edit.EditSetting;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.ModifierIndicator;
import org.coverageengine.domain.edit.ModifierRule;
import org.coverageengine.domain.edit.MueEdit;
import org.coverageengine.domain.edit.MueLookup;
import org.coverageengine.domain.edit.Programme;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.edit.PtpMatch;
import org.coverageengine.domain.edit.PtpModifiers;
import org.coverageengine.domain.port.out.CodingEdits;

/**
 * Applies the NCCI edit tables to one request: PTP pairs between its lines (the column-2 line is bundled unless a
 * modifier may and does bypass the edit) and MUE limits on its units (per line or summed over the date of service).
 * The findings join the policies' findings line by line; what could not be applied becomes a notice.
 */
final class NcciEditing {

    private final CodingEdits edits;
    private final EditSetting setting;
    private final List<ParsedLine> lines;
    private final LocalDate date;
    private final List<List<EditFinding>> findings;
    private final Set<String> notices = new LinkedHashSet<>(0);

    NcciEditing(CodingEdits edits, EditApplication application, List<ParsedLine> lines, LocalDate date, LineOfBusiness lob) {
        this.edits = edits;
        this.setting = application.setting();
        this.lines = lines;
        this.date = date;
        this.findings = new ArrayList<>(lines.size());
        if (edits.tables().isEmpty()) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            findings.add(new ArrayList<>(0));
        }
        List<Programme> programmes = application.programmesFor(lob);
        Optional<Programme> ptp = loaded(programmes, EditKind.PTP);
        Optional<Programme> mue = loaded(programmes, EditKind.MUE);
        if (ptp.isEmpty() && mue.isEmpty()) {
            notices.add(notApplied(programmes, lob));
            return;
        }
        ptp.ifPresent(this::applyPtp);
        mue.ifPresent(this::applyMue);
    }

    /** The NCCI findings for the line at the index, in the order found. */
    List<EditFinding> findingsFor(int index) {
        return findings.isEmpty() ? List.of() : findings.get(index);
    }

    /** What the response should say about the NCCI edits as a whole (tables not applied, no MUE quarter). */
    List<String> notices() {
        return List.copyOf(notices);
    }

    private Optional<Programme> loaded(List<Programme> programmes, EditKind kind) {
        for (Programme programme : programmes) {
            if (edits.loaded(kind, programme, setting)) {
                return Optional.of(programme);
            }
        }
        return Optional.empty();
    }

    private String notApplied(List<Programme> programmes, LineOfBusiness lob) {
        if (programmes.isEmpty()) {
            return "NCCI edits were not applied: the loaded NCCI tables apply to " + lob.displayName()
                    + " plans only when the deployment applies Medicare tables to them.";
        }
        List<String> names = new ArrayList<>();
        programmes.forEach(p -> names.add(p.displayName()));
        return "NCCI edits were not applied: no " + String.join(" or ", names) + " " + setting.displayName() + " NCCI table is loaded"
                + (lob == LineOfBusiness.MEDICAID && programmes.size() == 1 ? " (Medicare tables are not applied to Medicaid)." : ".");
    }

    private boolean usable(int index) {
        ParsedLine line = lines.get(index);
        return line.problems().isEmpty() && line.code() != null;
    }

    private String code(int index) {
        return lines.get(index).code().value();
    }

    private void applyPtp(Programme programme) {
        Optional<EditTableId> table = edits.ptpTableFor(programme, setting, date);
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (usable(i)) {
                codes.add(code(i));
            }
        }
        if (table.isEmpty() || codes.size() < 2) {
            return;
        }
        // One call for the whole request, then the edit in force per ordered pair (an applicable row before an indicator-9 one).
        Map<String, PtpEdit> inForce = new LinkedHashMap<>();
        for (PtpEdit edit : edits.ptpEditsAmong(table.get(), codes)) {
            if (edit.inForceOn(date)) {
                inForce.merge(edit.pair(), edit, (known, other) -> known.applicable() ? known : other);
            }
        }
        if (inForce.isEmpty()) {
            return;
        }
        int n = lines.size();
        for (int second = 0; second < n; second++) {
            if (!usable(second)) {
                continue;
            }
            for (int first = 0; first < n; first++) {
                if (first == second || !usable(first)) {
                    continue;
                }
                PtpEdit edit = inForce.get(code(first) + "/" + code(second));
                if (edit != null && edit.applicable()) {
                    findings.get(second).add(ptpFinding(new PtpMatch(table.get(), edit), first, second));
                }
            }
        }
    }

    private EditFinding ptpFinding(PtpMatch match, int first, int second) {
        PtpEdit edit = match.edit();
        EditTableId table = match.table();
        String head = "NCCI PTP edit " + edit.pair() + " (" + table.title() + ", quarter from " + table.quarter() + "): "
                + edit.column2() + " (line " + lines.get(second).line().sequence() + ") is a column-2 code of " + edit.column1()
                + " (line " + lines.get(first).line().sequence() + ") on " + date + ", modifier indicator " + edit.indicator().display();
        String rationale = edit.rationale().isEmpty() ? "" : " Rationale: " + edit.rationale() + ".";
        Citation citation = new Citation(Citation.NCCI_PTP, table.title() + " table " + table.source(), table.quarter(),
                "Column 1/Column 2 edit " + edit.pair() + (edit.deletionDate().map(d -> ", in force " + edit.effective() + " to " + d)
                        .orElse(", in force since " + edit.effective())), "modifier indicator " + edit.indicator().digit(), edit.rationale());
        if (edit.indicator() == ModifierIndicator.NOT_ALLOWED) {
            return new EditFinding(Outcome.BUNDLED, head + ": no modifier bypasses it, so it is bundled into " + edit.column1()
                    + " and not paid separately." + rationale, citation, null);
        }
        List<String> refused = new ArrayList<>(0);
        for (int index : new int[] {second, first}) {
            for (String modifier : lines.get(index).line().modifiers()) {
                Optional<ModifierRule> rule = PtpModifiers.rule(modifier);
                if (rule.isEmpty()) {
                    continue;
                }
                String code = code(index);
                if (rule.get().bypasses(code, setting)) {
                    return new EditFinding(Outcome.NO_POLICY, head + ": modifier " + modifier + " on line " + lines.get(index).line().sequence()
                            + " (" + code + ", NCCI PTP-associated " + rule.get().group() + " modifier) bypasses it, so the edit does not deny "
                            + edit.column2() + "." + rationale, citation, null);
                }
                refused.add("modifier " + modifier + " on line " + lines.get(index).line().sequence() + " does not bypass it: "
                        + rule.get().whyNot(code, setting));
            }
        }
        String why = refused.isEmpty() ? "no NCCI PTP-associated modifier is on either line" : String.join("; ", refused);
        return new EditFinding(Outcome.BUNDLED, head + ": an NCCI PTP-associated modifier may bypass it, but " + why
                + ", so it is bundled into " + edit.column1() + " and not paid separately." + rationale, citation, null);
    }

    private void applyMue(Programme programme) {
        Map<String, List<Integer>> byCode = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (usable(i)) {
                byCode.computeIfAbsent(code(i), c -> new ArrayList<>(1)).add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> code : byCode.entrySet()) {
            MueLookup lookup = edits.mue(programme, setting, date, code.getKey());
            if (lookup instanceof MueLookup.NoQuarter none) {
                notices.add("No NCCI MUE was applied: " + none.why() + ".");
            } else if (lookup instanceof MueLookup.InQuarter quarter && quarter.edit().isPresent()) {
                limit(quarter.table(), quarter.edit().get(), code.getValue());
            }
        }
    }

    private void limit(EditTableId table, MueEdit edit, List<Integer> indexes) {
        Citation citation = new Citation(Citation.NCCI_MUE, table.title() + " table " + table.source(), table.quarter(),
                "MUE of " + edit.code() + ": " + edit.value() + " units", "MUE adjudication indicator " + edit.indicator().display(),
                edit.rationale());
        String rationale = edit.rationale().isEmpty() ? "" : " Rationale: " + edit.rationale() + ".";
        String head = "NCCI MUE for " + edit.code() + " (" + table.title() + ", quarter from " + table.quarter() + "): at most "
                + edit.value() + " units, adjudication indicator " + edit.indicator().display();
        if (!edit.indicator().summedOverLines()) {
            for (int index : indexes) {
                int units = lines.get(index).line().quantity();
                if (units > edit.value()) {
                    findings.get(index).add(new EditFinding(Outcome.NOT_COVERED, head + ": this line has " + units
                            + " units, so the whole line is denied (CMS denies the line, not only the excess)." + rationale, citation, edit.value()));
                }
            }
            return;
        }
        int total = 0;
        List<String> where = new ArrayList<>(indexes.size());
        for (int index : indexes) {
            total += lines.get(index).line().quantity();
            where.add(String.valueOf(lines.get(index).line().sequence()));
        }
        if (total > edit.value()) {
            String reason = head + ": the request has " + total + " units of " + edit.code() + " on " + date + " (line"
                    + (where.size() > 1 ? "s " : " ") + String.join(", ", where) + "), so every line of " + edit.code()
                    + " on that date is denied (CMS denies whole lines, not only the excess)." + rationale;
            for (int index : indexes) {
                findings.get(index).add(new EditFinding(Outcome.NOT_COVERED, reason, citation, edit.value()));
            }
        }
    }
}
