package org.coverageengine.adapter.csv;

import java.time.LocalDate;
import org.coverageengine.domain.edit.EditSetting;
import org.coverageengine.domain.edit.Programme;

/**
 * What an NCCI file's name would say, given explicitly instead (each part may be absent, then the file name decides):
 * the programme, the setting and the first day of the quarter the table is published for.
 */
public record NcciTableOptions(Programme programme, EditSetting setting, LocalDate quarter) {

    /** Everything from the file names. */
    public static final NcciTableOptions FROM_FILE_NAMES = new NcciTableOptions(null, null, null);
}
