package org.coverageengine.domain.edit;

/**
 * When one CMS NCCI PTP-associated modifier bypasses an edit with modifier indicator 1: each kind decides from the code
 * of the line the modifier is on and the setting of the table. The modifiers and their kinds are listed in
 * {@link PtpModifiers}.
 */
public sealed interface ModifierRule {

    /** The CMS group of the modifier: "anatomic", "global surgery" or "other". */
    String group();

    /** True when the modifier, on a line of the code, bypasses an edit of a table of the setting. */
    boolean bypasses(String code, EditSetting setting);

    /** Why the modifier did not bypass the edit on that code or setting (for reasons); empty text when it did. */
    String whyNot(String code, EditSetting setting);

    /** Bypasses on any code in any setting. */
    record OnAnyCode(String group) implements ModifierRule {
        @Override
        public boolean bypasses(String code, EditSetting setting) {
            return true;
        }

        @Override
        public String whyNot(String code, EditSetting setting) {
            return "";
        }
    }

    /** Bypasses only on an evaluation and management code (modifiers 25 and 57). */
    record OnlyOnEvaluationAndManagement(String group) implements ModifierRule {
        @Override
        public boolean bypasses(String code, EditSetting setting) {
            return PtpModifiers.isEvaluationAndManagement(code);
        }

        @Override
        public String whyNot(String code, EditSetting setting) {
            return bypasses(code, setting) ? "" : "it counts only on an evaluation and management code and " + code + " is not one";
        }
    }

    /** Bypasses except on E/M codes 99201-99499, eye exams 92012-92014 and 77427 (modifiers 59, XE, XP, XS, XU). */
    record NotOnEvaluationAndManagement(String group) implements ModifierRule {
        @Override
        public boolean bypasses(String code, EditSetting setting) {
            return !PtpModifiers.isExcludedFromDistinctService(code);
        }

        @Override
        public String whyNot(String code, EditSetting setting) {
            return bypasses(code, setting) ? "" : "CMS does not accept it on " + code
                    + " (evaluation and management 99201-99499, 92012-92014 and 77427 are excluded)";
        }
    }

    /** Bypasses only the outpatient hospital tables (modifier 27, multiple outpatient hospital E/M encounters). */
    record OnlyWithHospitalTables(String group) implements ModifierRule {
        @Override
        public boolean bypasses(String code, EditSetting setting) {
            return setting == EditSetting.OUTPATIENT_HOSPITAL;
        }

        @Override
        public String whyNot(String code, EditSetting setting) {
            return bypasses(code, setting) ? "" : "it counts only with the outpatient hospital tables, not the " + setting.displayName() + " ones";
        }
    }
}
