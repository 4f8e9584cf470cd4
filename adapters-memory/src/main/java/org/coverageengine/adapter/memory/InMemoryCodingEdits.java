package org.coverageengine.adapter.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.MueEdit;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.edit.PtpEditsNaming;
import org.coverageengine.domain.port.out.CodingEdits;

/** The NCCI tables held in memory: PTP tables as {@link CompactPtpTable}s, MUE tables (some thousand rows) by code. */
public final class InMemoryCodingEdits implements CodingEdits {

    static final Comparator<EditTableId> ORDER = Comparator.comparing(EditTableId::kind).thenComparing(EditTableId::programme)
            .thenComparing(EditTableId::setting).thenComparing(EditTableId::quarter);

    private final List<EditTableId> tables;
    private final Map<EditTableId, CompactPtpTable> ptp;
    private final Map<EditTableId, Map<String, MueEdit>> mue;

    InMemoryCodingEdits(List<CompactPtpTable> ptpTables, Map<EditTableId, Map<String, MueEdit>> mueTables) {
        Map<EditTableId, CompactPtpTable> byId = new HashMap<>();
        ptpTables.forEach(t -> byId.put(t.id(), t));
        this.ptp = Map.copyOf(byId);
        Map<EditTableId, Map<String, MueEdit>> mueById = new HashMap<>();
        mueTables.forEach((id, rows) -> mueById.put(id, Map.copyOf(rows)));
        this.mue = Map.copyOf(mueById);
        List<EditTableId> all = new ArrayList<>(ptp.keySet());
        all.addAll(mue.keySet());
        all.sort(ORDER);
        this.tables = List.copyOf(all);
    }

    /** No tables. */
    static InMemoryCodingEdits none() {
        return new InMemoryCodingEdits(List.of(), Map.of());
    }

    @Override
    public List<EditTableId> tables() {
        return tables;
    }

    @Override
    public List<PtpEdit> ptpEdits(EditTableId table, String column1, String column2) {
        CompactPtpTable compact = ptp.get(table);
        return compact == null ? List.of() : compact.edits(column1, column2);
    }

    @Override
    public List<PtpEdit> ptpEditsAmong(EditTableId table, java.util.Set<String> codes) {
        CompactPtpTable compact = ptp.get(table);
        return compact == null ? List.of() : compact.editsAmong(codes);
    }

    @Override
    public PtpEditsNaming ptpEditsNaming(EditTableId table, String code, int limit) {
        CompactPtpTable compact = ptp.get(table);
        return compact == null ? PtpEditsNaming.none(code) : compact.editsNaming(code, limit);
    }

    @Override
    public Optional<MueEdit> mueEdit(EditTableId table, String code) {
        Map<String, MueEdit> rows = mue.get(table);
        return rows == null ? Optional.empty() : Optional.ofNullable(rows.get(code));
    }

    /** How many rows the table holds (for summaries and benchmarks). */
    public int rows(EditTableId table) {
        CompactPtpTable compact = ptp.get(table);
        if (compact != null) {
            return compact.size();
        }
        Map<String, MueEdit> rows = mue.get(table);
        return rows == null ? 0 : rows.size();
    }

    List<CompactPtpTable> ptpTables() {
        return List.copyOf(ptp.values());
    }

    Map<EditTableId, Map<String, MueEdit>> mueTables() {
        return mue;
    }
}
