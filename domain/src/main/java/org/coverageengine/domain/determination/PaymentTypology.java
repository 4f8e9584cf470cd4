package org.coverageengine.domain.determination;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The coverage type codes the engine reads as a line of business (the Source of Payment Typology by its leading
 * digits, v3 ActCode policy types, HL7's coverage-selfpay code) and the notice for a code of those systems that names
 * no line of business the engine has; every adapter reading a coverage's type asks this one table.
 */
public final class PaymentTypology {

    /** The Source of Payment Typology's OID as a FHIR system. */
    public static final String SOPT = "urn:oid:2.16.840.1.113883.3.221.5";
    /** The Source of Payment Typology's URL as a FHIR system. */
    public static final String SOPT_URL = "https://nahdo.org/sopt";
    /** HL7 v3 ActCode, whose policy types include workers' compensation and auto. */
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /** HL7's coverage-selfpay code system. */
    public static final String SELF_PAY = "http://terminology.hl7.org/CodeSystem/coverage-selfpay";

    /** Display names of the Source of Payment Typology (version 9.2) for the codes a notice may name. */
    private static final Map<String, String> SOPT_NAMES = Map.ofEntries(
            Map.entry("3", "Other Government (Federal/State/Local) (excluding Department of Corrections)"),
            Map.entry("31", "Department of Defense"),
            Map.entry("311", "TRICARE"),
            Map.entry("3111", "TRICARE Prime (HMO)"),
            Map.entry("3112", "TRICARE Extra (PPO)"),
            Map.entry("3113", "TRICARE Standard (Fee For Service)"),
            Map.entry("312", "Military Treatment Facility"),
            Map.entry("32", "Department of Veterans Affairs"),
            Map.entry("33", "Indian Health Service or Tribe"),
            Map.entry("34", "HRSA Program"),
            Map.entry("35", "Black Lung"),
            Map.entry("36", "State Government"),
            Map.entry("37", "Local Government"),
            Map.entry("371", "Local - Managed care"),
            Map.entry("3711", "HMO"),
            Map.entry("3712", "PPO"),
            Map.entry("3713", "POS"),
            Map.entry("372", "FFS/Indemnity"),
            Map.entry("38", "Other Government (Federal, State, Local not specified)"),
            Map.entry("39", "Other Federal"),
            Map.entry("4", "Departments of Corrections"),
            Map.entry("41", "Corrections Federal"),
            Map.entry("42", "Corrections State"),
            Map.entry("43", "Corrections Local"),
            Map.entry("44", "Corrections Unknown Level"),
            Map.entry("8", "No Payment from an Organization/Agency/Program/Private Payer Listed"),
            Map.entry("82", "No Charge"),
            Map.entry("821", "Charity"),
            Map.entry("822", "Professional Courtesy"),
            Map.entry("823", "Research/Clinical Trial"),
            Map.entry("83", "Refusal to Pay/Bad Debt"),
            Map.entry("84", "Hill Burton Free Care"),
            Map.entry("85", "Research/Donor"),
            Map.entry("89", "No Payment, Other"),
            Map.entry("9", "Miscellaneous/Other"),
            Map.entry("91", "Foreign National"),
            Map.entry("92", "Other (Non-government)"),
            Map.entry("93", "Disability Insurance"),
            Map.entry("94", "Long-term Care Insurance"),
            Map.entry("97", "Legal Liability / Liability Insurance"),
            Map.entry("98", "Other specified but not otherwise classified"),
            Map.entry("99", "No Typology Code available for payment source"));

    /** Display names of the v3 ActCode insurance policy codes a notice may name. */
    private static final Map<String, String> ACT_CODE_NAMES = Map.of(
            "PUBLICPOL", "public healthcare",
            "PPO", "preferred provider organization policy",
            "HMO", "health maintenance organization policy",
            "POS", "point of service policy",
            "EHCPOL", "extended healthcare",
            "HSAPOL", "health spending account",
            "MCPOL", "managed care policy",
            "SUBSIDIZ", "subsidized health program",
            "DENTAL", "dental program");

    private static final int QUOTED_MAX = 20;

    private PaymentTypology() {
    }

    /** Whether the code system is one this table reads (SOPT, v3 ActCode, coverage-selfpay). */
    public static boolean knows(String codeSystem) {
        String system = codeSystem == null ? "" : codeSystem;
        return isSopt(system) || system.equals(ACT_CODE) || system.equals(SELF_PAY);
    }

    /** The line of business a code of a system names, or empty when the engine does not map it. */
    public static Optional<LineOfBusiness> lineOfBusiness(String codeSystem, String value) {
        String system = codeSystem == null ? "" : codeSystem;
        String code = value == null ? "" : value.strip();
        if (isSopt(system)) {
            return sopt(code);
        }
        if (system.equals(ACT_CODE)) {
            switch (code.toUpperCase(Locale.ROOT)) {
                case "WCBPOL":
                    return Optional.of(LineOfBusiness.WORKERS_COMPENSATION);
                case "AUTOPOL":
                    return Optional.of(LineOfBusiness.AUTO);
                default:
                    return Optional.empty();
            }
        }
        if (system.equals(SELF_PAY) && code.equals("pay")) {
            return Optional.of(LineOfBusiness.SELF_PAY);
        }
        return Optional.empty();
    }

    private static Optional<LineOfBusiness> sopt(String code) {
        if (code.startsWith("11")) {
            return Optional.of(LineOfBusiness.MEDICARE_ADVANTAGE);
        }
        if (code.startsWith("1")) {
            return Optional.of(LineOfBusiness.MEDICARE);
        }
        if (code.startsWith("2")) {
            return Optional.of(LineOfBusiness.MEDICAID);
        }
        if (code.startsWith("5") || code.startsWith("6") || code.startsWith("7")) {
            return Optional.of(LineOfBusiness.COMMERCIAL);
        }
        if (code.startsWith("81")) {
            return Optional.of(LineOfBusiness.SELF_PAY);
        }
        if (code.startsWith("95")) {
            return Optional.of(LineOfBusiness.WORKERS_COMPENSATION);
        }
        if (code.startsWith("96")) {
            return Optional.of(LineOfBusiness.AUTO);
        }
        return Optional.empty();
    }

    /**
     * The notice for a code of a known system that maps to no line of business, naming the code given, e.g.
     * "Coverage type SOPT 311 (TRICARE) is not mapped to a line of business: COMMERCIAL assumed".
     */
    public static String unmappedNotice(String codeSystem, String value) {
        String system = codeSystem == null ? "" : codeSystem;
        String code = value == null ? "" : value.strip();
        String named;
        if (isSopt(system)) {
            named = "SOPT " + quoted(code) + displayOf(SOPT_NAMES.get(code));
        } else if (system.equals(ACT_CODE)) {
            named = "v3 ActCode " + quoted(code) + displayOf(ACT_CODE_NAMES.get(code.toUpperCase(Locale.ROOT)));
        } else {
            named = "coverage-selfpay " + quoted(code);
        }
        return "Coverage type " + named + " is not mapped to a line of business: COMMERCIAL assumed.";
    }

    private static boolean isSopt(String system) {
        return system.equals(SOPT) || system.equals(SOPT_URL) || system.equals("http://nahdo.org/sopt");
    }

    private static String displayOf(String name) {
        return name == null ? "" : " (" + name + ")";
    }

    private static String quoted(String code) {
        String shown = code.length() > QUOTED_MAX ? code.substring(0, QUOTED_MAX) + "..." : code;
        return shown.isEmpty() ? "(no code)" : shown.replaceAll("\\p{Cntrl}", "?");
    }
}
