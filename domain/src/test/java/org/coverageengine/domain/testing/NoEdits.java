package org.coverageengine.domain.testing;

import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.MueEdit;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.edit.PtpEditsNaming;
import org.coverageengine.domain.port.out.CodingEdits;

/** No NCCI tables loaded: for tests of knowledge that has none. */
public final class NoEdits implements CodingEdits {

    @Override
    public List<EditTableId> tables() {
        return List.of();
    }

    @Override
    public List<PtpEdit> ptpEdits(EditTableId table, String column1, String column2) {
        return List.of();
    }

    @Override
    public List<PtpEdit> ptpEditsAmong(EditTableId table, java.util.Set<String> codes) {
        return List.of();
    }

    @Override
    public PtpEditsNaming ptpEditsNaming(EditTableId table, String code, int limit) {
        return PtpEditsNaming.none(code);
    }

    @Override
    public Optional<MueEdit> mueEdit(EditTableId table, String code) {
        return Optional.empty();
    }
}
