package org.coverageengine.domain.edit;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CMS NCCI PTP-associated modifiers, as data in one place: which modifiers may bypass an edit whose modifier
 * indicator is 1, and on which codes and tables each counts (NCCI Policy Manual, chapter I, section E).
 */
public final class PtpModifiers {

    private static final String ANATOMIC = "anatomic";
    private static final String GLOBAL_SURGERY = "global surgery";
    private static final String OTHER = "other";

    private static final Map<String, ModifierRule> RULES = rules();

    private PtpModifiers() {
    }

    private static Map<String, ModifierRule> rules() {
        ImmutableMap.Builder<String, ModifierRule> rules = ImmutableMap.builder();
        ModifierRule anatomic = new ModifierRule.OnAnyCode(ANATOMIC);
        for (String modifier : new String[] {"E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "LM", "RC", "RI"}) {
            rules.put(modifier, anatomic);
        }
        ModifierRule globalSurgery = new ModifierRule.OnAnyCode(GLOBAL_SURGERY);
        for (String modifier : new String[] {"24", "58", "78", "79"}) {
            rules.put(modifier, globalSurgery);
        }
        ModifierRule evaluationAndManagement = new ModifierRule.OnlyOnEvaluationAndManagement(GLOBAL_SURGERY);
        rules.put("25", evaluationAndManagement);
        rules.put("57", evaluationAndManagement);
        rules.put("27", new ModifierRule.OnlyWithHospitalTables(OTHER));
        rules.put("91", new ModifierRule.OnAnyCode(OTHER));
        ModifierRule distinct = new ModifierRule.NotOnEvaluationAndManagement(OTHER);
        for (String modifier : new String[] {"59", "XE", "XP", "XS", "XU"}) {
            rules.put(modifier, distinct);
        }
        return rules.build();
    }

    /** The rule of an NCCI PTP-associated modifier, or empty for any other modifier (which never bypasses an edit). */
    public static Optional<ModifierRule> rule(String modifier) {
        return modifier == null ? Optional.empty() : Optional.ofNullable(RULES.get(modifier.strip().toUpperCase(Locale.ROOT)));
    }

    /** Every NCCI PTP-associated modifier with its rule. */
    public static Map<String, ModifierRule> all() {
        return RULES;
    }

    /**
     * True for the codes modifiers 25 and 57 count on: evaluation and management services 99201-99499 and the general
     * ophthalmological services 92002-92014, which the NCCI manual treats as E/M for modifier 25.
     */
    public static boolean isEvaluationAndManagement(String code) {
        int n = numeric(code);
        return (n >= 99201 && n <= 99499) || (n >= 92002 && n <= 92014);
    }

    /** True for the codes modifiers 59 and XE/XP/XS/XU never bypass an edit on: 99201-99499, 92012-92014 and 77427. */
    public static boolean isExcludedFromDistinctService(String code) {
        int n = numeric(code);
        return (n >= 99201 && n <= 99499) || (n >= 92012 && n <= 92014) || n == 77427;
    }

    private static int numeric(String code) {
        if (code == null || code.length() != 5) {
            return -1;
        }
        for (int i = 0; i < 5; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(code);
    }
}
