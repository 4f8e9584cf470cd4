package org.coverageengine.domain.edit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.coverageengine.domain.determination.LineOfBusiness;

/**
 * Which NCCI tables apply to a request: the setting whose tables are used, and for each line of business the programmes
 * whose tables are tried in order. Medicare tables apply to Medicare and Medicare Advantage, Medicaid tables to Medicaid;
 * Medicare tables apply to another line of business only when the deployment says so.
 */
public record EditApplication(EditSetting setting, Set<LineOfBusiness> medicareTablesAlsoFor) {

    /** Practitioner tables, Medicare tables only for Medicare and Medicare Advantage, Medicaid tables for Medicaid. */
    public static final EditApplication DEFAULT = new EditApplication(EditSetting.PRACTITIONER, Set.of());

    /** Copies the set. */
    public EditApplication {
        Objects.requireNonNull(setting, "setting");
        medicareTablesAlsoFor = medicareTablesAlsoFor.isEmpty() ? Set.of() : Sets.immutableEnumSet(EnumSet.copyOf(medicareTablesAlsoFor));
    }

    /**
     * The programmes whose tables apply to the line of business, the preferred first: a Medicaid request uses Medicaid
     * tables, and Medicare ones only when configured and no Medicaid table is loaded.
     */
    public List<Programme> programmesFor(LineOfBusiness lob) {
        boolean medicare = lob == LineOfBusiness.MEDICARE || lob == LineOfBusiness.MEDICARE_ADVANTAGE || medicareTablesAlsoFor.contains(lob);
        if (lob == LineOfBusiness.MEDICAID) {
            return medicare ? ImmutableList.of(Programme.MEDICAID, Programme.MEDICARE) : ImmutableList.of(Programme.MEDICAID);
        }
        return medicare ? ImmutableList.of(Programme.MEDICARE) : ImmutableList.of();
    }
}
