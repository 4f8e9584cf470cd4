package org.coverageengine.adapter.csv;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The row shapes of a policy pack's CSV files; each component binds the column of the same name in snake_case. */
final class PackRows {

    static final String DATE = "(\\d{4}-\\d{2}-\\d{2})?";
    static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";
    static final String DATE_MESSAGE = "bad date: expected YYYY-MM-DD";

    private PackRows() {
    }

    record PackRow(
            @NotBlank(message = "a pack id is required") @Pattern(regexp = NAME, message = "a pack id is letters, digits, '.', '_' or '-'") String packId,
            @NotBlank(message = "a pack version is required") String version,
            String title) {
    }

    record PolicyRow(
            @NotBlank(message = "a policy number is required") @Pattern(regexp = NAME, message = "a policy number is letters, digits, '.', '_' or '-'") String policy,
            @NotBlank(message = "a policy title is required") String title,
            String payer,
            @NotBlank(message = "an effective date is required") @Pattern(regexp = DATE, message = DATE_MESSAGE) String effective,
            @Pattern(regexp = DATE, message = DATE_MESSAGE) String termination,
            @Pattern(regexp = DATE, message = DATE_MESSAGE) String nextReview,
            @NotBlank(message = "at least one line of business is required") String linesOfBusiness,
            String ancillaryGroups,
            String url,
            String related) {
    }

    record ReferralRow(
            @NotBlank(message = "a policy number is required") String policy,
            @NotBlank(message = "a line of business is required") String lineOfBusiness,
            @NotBlank(message = "a note is required") String note,
            @Pattern(regexp = DATE, message = "version: the effective date of one of the policy's versions in policies.csv (YYYY-MM-DD), or empty for every version") String version) {
    }

    record RevisionRow(
            @NotBlank(message = "a policy number is required") String policy,
            @NotBlank(message = "a date is required") @Pattern(regexp = DATE, message = DATE_MESSAGE) String date,
            String type,
            String summary) {
    }

    record GroupRow(
            @NotBlank(message = "a policy number is required") String policy,
            @NotBlank(message = "a group name is required") @Pattern(regexp = NAME, message = "a group name is letters, digits, '.', '_' or '-'") String group,
            String title,
            String section,
            String patternSystem,
            String patternPrefix,
            @Pattern(regexp = DATE, message = "version: the effective date of one of the policy's versions in policies.csv (YYYY-MM-DD), or empty for every version") String version) {
    }

    record GroupCodeRow(
            @NotBlank(message = "a policy number is required") String policy,
            @NotBlank(message = "a group name is required") String group,
            @NotBlank(message = "a code system is required (CPT, HCPCS or ICD-10-CM)") String system,
            @NotBlank(message = "a code is required") String code,
            @Pattern(regexp = DATE, message = DATE_MESSAGE) String effective,
            @Pattern(regexp = DATE, message = DATE_MESSAGE) String termination,
            String description,
            @Pattern(regexp = DATE, message = "version: the effective date of one of the policy's versions in policies.csv (YYYY-MM-DD), or empty for every version") String version) {
    }

    record StatementRow(
            @NotBlank(message = "a policy number is required") String policy,
            @NotBlank(message = "an order is required") @Pattern(regexp = "\\d{1,9}", message = "the order is a whole number") String order,
            @NotBlank(message = "a statement id is required") @Pattern(regexp = NAME, message = "a statement id is letters, digits, '.', '_' or '-'") String id,
            String section,
            @NotBlank(message = "at least one line group is required") String lineGroups,
            String linesOfBusiness,
            String when,
            @NotBlank(message = "an effect (rule kind) is required") String effect,
            String argument,
            @NotBlank(message = "a reason is required: every determination explains itself") String reason,
            String unitsText,
            @Pattern(regexp = DATE, message = "version: the effective date of one of the policy's versions in policies.csv (YYYY-MM-DD), or empty for every version") String version) {
    }

    /**
     * Columns a pack file may leave out (they were added after packs in the field were written): a policy's
     * termination, the version a row belongs to (empty: every version of its policy), and a code's billing note.
     */
    static final java.util.Set<String> OPTIONAL_COLUMNS = java.util.Set.of("units_text", "version", "termination", "billing_note");

    record CriteriaRow(
            @NotBlank(message = "a policy number is required") String policy,
            @NotBlank(message = "a criteria set is required") String criteriaSet,
            @NotBlank(message = "a criterion code is required") @Pattern(regexp = NAME, message = "a criterion code is letters, digits, '.', '_' or '-'") String code,
            String parent,
            @Pattern(regexp = "ALL|ANY|LEAF", message = "combinator must be ALL, ANY or LEAF") String combinator,
            String text,
            @Pattern(regexp = DATE, message = "version: the effective date of one of the policy's versions in policies.csv (YYYY-MM-DD), or empty for every version") String version) {
    }

    record CodeRow(
            @NotBlank(message = "a code system is required (CPT, HCPCS or ICD-10-CM)") String system,
            @NotBlank(message = "a code is required") String code,
            String shortDescription,
            String longDescription,
            String synonyms,
            String plainLanguage,
            String clinicalContext,
            String specialties,
            @Pattern(regexp = DATE, message = DATE_MESSAGE) String effective,
            @Pattern(regexp = DATE, message = DATE_MESSAGE) String termination,
            @Pattern(regexp = "(true|false|yes|no)?", message = "add_on must be true or false") String addOn,
            @Pattern(regexp = "(\\d+(\\.\\d+)?)?", message = "work_rvu must be a decimal number") String workRvu,
            String rvuStatus,
            String rvuNote,
            String notes,
            String billingNote) {
    }

    /** One test case of tests.csv: lines as {@code CODE[xUNITS][:DX,...]} separated by '|', and one expected outcome per line. */
    record TestRow(
            @NotBlank(message = "a case name is required") String caseName,
            @NotBlank(message = "at least one line is required (CODE[xUNITS][:DX,...] separated by '|')") String lines,
            String lineOfBusiness,
            @NotBlank(message = "a date of service is required") @Pattern(regexp = DATE, message = DATE_MESSAGE) String date,
            String attestations,
            @NotBlank(message = "the expected outcome of each line is required ('|'-separated)") String expected,
            String reason) {
    }
}
