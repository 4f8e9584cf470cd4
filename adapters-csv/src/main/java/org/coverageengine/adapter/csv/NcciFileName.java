package org.coverageengine.adapter.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coverageengine.domain.edit.EditKind;
import org.coverageengine.domain.edit.EditSetting;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.Programme;

/**
 * What an NCCI file's name says of its table. Medicare PTP files are named {@code ccipra-v322r0-f1.txt} (practitioner)
 * and {@code ccioph-v322r0-f1.txt} (outpatient hospital), where version 32.2 is the third quarter of 2026 (version
 * XX.Q is the quarter Q+1 of the year 1994+XX); MUE files {@code MCR_MUE_PractitionerServices_Eff_07-01-2026.csv},
 * {@code ..._OutpatientHospitalServices_...} and {@code ..._DMESupplierServices_...}. A name with "MCD" or "Medicaid"
 * is a Medicaid table. Whatever a name does not say must be given by options.
 */
final class NcciFileName {

    private static final Pattern MEDICARE_PTP = Pattern.compile("cci(pra|oph?|dme)-v(\\d{2})(\\d)r\\d+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EFFECTIVE = Pattern.compile("eff[_-]?(\\d{2})[-_]?(\\d{2})[-_]?(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_QUARTER = Pattern.compile("(20\\d{2})[-_ ]?q([1-4])", Pattern.CASE_INSENSITIVE);
    private static final int FIRST_VERSION_YEAR = 1994;

    private NcciFileName() {
    }

    /** The table the file holds: the options first, then the name; throws naming what is missing. */
    static EditTableId table(EditKind kind, String name, NcciTableOptions options) {
        Programme programme = options.programme() != null ? options.programme() : programme(name);
        EditSetting setting = options.setting() != null ? options.setting() : setting(name)
                .orElseThrow(() -> missing(name, kind, "setting (practitioner, outpatient hospital or DME)", "--ncci-setting"));
        LocalDate quarter = options.quarter() != null ? options.quarter() : quarter(name)
                .orElseThrow(() -> missing(name, kind, "quarter (Eff_MM-DD-YYYY, vXXQr0 or YYYYQn)", "--ncci-quarter"));
        try {
            return new EditTableId(kind, programme, setting, quarter, name);
        } catch (IllegalArgumentException e) {
            throw new ImportException(name, 0, 0, e.getMessage());
        }
    }

    private static ImportException missing(String name, EditKind kind, String what, String option) {
        return new ImportException(name, 0, 0, "the file name does not say the NCCI " + kind.label() + " table's " + what
                + ": rename it as CMS publishes it or give " + option);
    }

    static Programme programme(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("medicaid") || lower.startsWith("mcd") || lower.contains("_mcd") ? Programme.MEDICAID : Programme.MEDICARE;
    }

    static Optional<EditSetting> setting(String name) {
        Matcher ptp = MEDICARE_PTP.matcher(name);
        if (ptp.find()) {
            String kind = ptp.group(1).toLowerCase(Locale.ROOT);
            return Optional.of(kind.equals("pra") ? EditSetting.PRACTITIONER : kind.equals("dme") ? EditSetting.DME : EditSetting.OUTPATIENT_HOSPITAL);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("practitioner")) {
            return Optional.of(EditSetting.PRACTITIONER);
        }
        if (lower.contains("hospital")) {
            return Optional.of(EditSetting.OUTPATIENT_HOSPITAL);
        }
        if (lower.contains("dme")) {
            return Optional.of(EditSetting.DME);
        }
        return Optional.empty();
    }

    static Optional<LocalDate> quarter(String name) {
        Matcher effective = EFFECTIVE.matcher(name);
        if (effective.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(effective.group(3)), Integer.parseInt(effective.group(1)),
                        Integer.parseInt(effective.group(2))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        Matcher version = MEDICARE_PTP.matcher(name);
        if (version.find()) {
            int quarter = Integer.parseInt(version.group(3));
            return quarter > 3 ? Optional.empty()
                    : Optional.of(LocalDate.of(FIRST_VERSION_YEAR + Integer.parseInt(version.group(2)), 1 + 3 * quarter, 1));
        }
        Matcher yearQuarter = YEAR_QUARTER.matcher(name);
        if (yearQuarter.find()) {
            return Optional.of(LocalDate.of(Integer.parseInt(yearQuarter.group(1)), 1 + 3 * (Integer.parseInt(yearQuarter.group(2)) - 1), 1));
        }
        return Optional.empty();
    }
}
