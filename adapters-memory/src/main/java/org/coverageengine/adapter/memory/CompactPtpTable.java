package org.coverageengine.adapter.memory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.ModifierIndicator;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.edit.PtpEditsNaming;
import org.coverageengine.domain.port.out.EditRows;

/**
 * One PTP table of about a million rows held as sorted primitive arrays: codes interned to ints in alphabetical order,
 * rows sorted by (column 1, column 2, file order) in one {@code long} key each and found by binary search, and a second
 * index of row positions sorted by (column 2, column 1, file order) for the rows naming a code as column 2. A row costs
 * 25 bytes (21 for its fields and pair key, 4 for the column-2 index: 4 MB per million rows) instead of the hundred or
 * more of a row object in a hash map.
 */
final class CompactPtpTable {

    private static final int CODE_BITS = 20;
    private static final int ROW_BITS = 24;
    private static final long CODE_MASK = (1L << CODE_BITS) - 1;
    private static final long ROW_MASK = (1L << ROW_BITS) - 1;
    /** The keys are signed longs: a code id of 2^19 or more would sort the keys of its rows first. */
    private static final int MAX_CODES = 1 << (CODE_BITS - 1);
    private static final int NO_DELETION = Integer.MAX_VALUE;
    private static final ModifierIndicator[] INDICATORS = ModifierIndicator.values();

    private final EditTableId id;
    private final Map<String, Integer> codeIds;
    private final String[] codes;
    private final String[] rationales;
    /** (column-1 id << 20 | column-2 id), sorted. */
    private final long[] pairs;
    /** Positions in {@link #pairs}, sorted by (column-2 id, column-1 id, position). */
    private final int[] byColumn2;
    private final int[] effective;
    private final int[] deletion;
    private final byte[] indicator;
    private final int[] rationale;

    private CompactPtpTable(EditTableId id, Builder built) {
        this.id = id;
        // Alphabetical ids make every range of one code come out ordered by the other code, with no sorting per query.
        Integer[] byName = new Integer[built.codes.size()];
        for (int i = 0; i < byName.length; i++) {
            byName[i] = i;
        }
        Arrays.sort(byName, (a, b) -> built.codes.get(a).compareTo(built.codes.get(b)));
        int[] rank = new int[byName.length];
        this.codes = new String[byName.length];
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < byName.length; i++) {
            rank[byName[i]] = i;
            codes[i] = built.codes.get(byName[i]);
            ids.put(codes[i], i);
        }
        this.codeIds = Map.copyOf(ids);
        this.rationales = built.rationales.toArray(String[]::new);
        int n = built.size;
        long[] keys = new long[n];
        for (int row = 0; row < n; row++) {
            keys[row] = ((long) rank[built.column1[row]] << (CODE_BITS + ROW_BITS)) | ((long) rank[built.column2[row]] << ROW_BITS) | row;
        }
        Arrays.sort(keys);
        pairs = new long[n];
        effective = new int[n];
        deletion = new int[n];
        indicator = new byte[n];
        rationale = new int[n];
        for (int i = 0; i < n; i++) {
            int row = (int) (keys[i] & ROW_MASK);
            pairs[i] = keys[i] >>> ROW_BITS;
            effective[i] = built.effective[row];
            deletion[i] = built.deletion[row];
            indicator[i] = built.indicator[row];
            rationale[i] = built.rationale[row];
        }
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) column2(i) << (CODE_BITS + ROW_BITS)) | ((pairs[i] >>> CODE_BITS) << ROW_BITS) | i;
        }
        Arrays.sort(keys);
        byColumn2 = new int[n];
        for (int i = 0; i < n; i++) {
            byColumn2[i] = (int) (keys[i] & ROW_MASK);
        }
    }

    private int column2(int position) {
        return (int) (pairs[position] & CODE_MASK);
    }

    EditTableId id() {
        return id;
    }

    int size() {
        return pairs.length;
    }

    /** Every row of the ordered pair, in file order. */
    List<PtpEdit> edits(String column1, String column2) {
        Integer first = codeIds.get(column1);
        Integer second = first == null ? null : codeIds.get(column2);
        if (second == null) {
            return List.of();
        }
        long key = ((long) first << CODE_BITS) | second;
        int at = Arrays.binarySearch(pairs, key);
        if (at < 0) {
            return List.of();
        }
        while (at > 0 && pairs[at - 1] == key) {
            at--;
        }
        List<PtpEdit> found = new ArrayList<>(1);
        for (int i = at; i < pairs.length && pairs[i] == key; i++) {
            found.add(row(i, column1, column2));
        }
        return found;
    }

    /** Every row whose two codes are both among the codes: one range scan per code of the request. */
    List<PtpEdit> editsAmong(java.util.Set<String> wanted) {
        int[] ids = new int[wanted.size()];
        int n = 0;
        for (String code : wanted) {
            Integer id = codeIds.get(code);
            if (id != null) {
                ids[n++] = id;
            }
        }
        List<PtpEdit> found = new ArrayList<>(0);
        for (int a = 0; a < n; a++) {
            long low = (long) ids[a] << CODE_BITS;
            int at = Arrays.binarySearch(pairs, low);
            // The first row of the column-1 code (key low itself would pair it with code 0).
            at = at < 0 ? -at - 1 : at;
            while (at > 0 && pairs[at - 1] >= low) {
                at--;
            }
            for (int i = at; i < pairs.length && (pairs[i] >>> CODE_BITS) == ids[a]; i++) {
                int second = (int) (pairs[i] & ((1L << CODE_BITS) - 1));
                for (int b = 0; b < n; b++) {
                    if (ids[b] == second) {
                        found.add(row(i, codes[ids[a]], codes[second]));
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** The rows naming the code: as column 1 (by column 2), then as column 2 (by column 1); at most limit of them. */
    PtpEditsNaming editsNaming(String code, int limit) {
        Integer known = codeIds.get(code);
        if (known == null) {
            return PtpEditsNaming.none(code);
        }
        int c = known;
        int firstAsColumn1 = firstPairAtLeast((long) c << CODE_BITS);
        int endAsColumn1 = firstPairAtLeast((long) (c + 1) << CODE_BITS);
        int firstAsColumn2 = firstByColumn2AtLeast(c);
        int endAsColumn2 = firstByColumn2AtLeast(c + 1);
        int asColumn1 = endAsColumn1 - firstAsColumn1;
        int total = asColumn1 + endAsColumn2 - firstAsColumn2;
        int shown = Math.min(total, Math.max(limit, 0));
        List<PtpEdit> rows = new ArrayList<>(shown);
        for (int i = firstAsColumn1; i < endAsColumn1 && rows.size() < shown; i++) {
            rows.add(row(i, code, codes[column2(i)]));
        }
        for (int j = firstAsColumn2; j < endAsColumn2 && rows.size() < shown; j++) {
            int i = byColumn2[j];
            rows.add(row(i, codes[(int) (pairs[i] >>> CODE_BITS)], code));
        }
        return new PtpEditsNaming(code, rows, total);
    }

    private int firstPairAtLeast(long key) {
        int low = 0;
        int high = pairs.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (pairs[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int firstByColumn2AtLeast(int code) {
        int low = 0;
        int high = byColumn2.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (column2(byColumn2[mid]) < code) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private PtpEdit row(int i, String column1, String column2) {
        return new PtpEdit(column1, column2, LocalDate.ofEpochDay(effective[i]),
                deletion[i] == NO_DELETION ? null : LocalDate.ofEpochDay(deletion[i]), INDICATORS[indicator[i]], rationales[rationale[i]]);
    }

    /** Collects the rows of one table, from one file or several, as growing primitive arrays. */
    static final class Builder implements EditRows<PtpEdit> {

        private EditTableId id;
        private final Map<String, Integer> codeIds = new HashMap<>();
        private final List<String> codes = new ArrayList<>();
        private final Map<String, Integer> rationaleIds = new HashMap<>();
        private final List<String> rationales = new ArrayList<>();
        private int size;
        private int[] column1 = new int[1024];
        private int[] column2 = new int[1024];
        private int[] effective = new int[1024];
        private int[] deletion = new int[1024];
        private byte[] indicator = new byte[1024];
        private int[] rationale = new int[1024];

        Builder(EditTableId id) {
            this.id = id;
        }

        EditTableId id() {
            return id;
        }

        /** The same table continued from another file. */
        Builder continuedFrom(EditTableId more) {
            id = id.withMoreSources(more.source());
            return this;
        }

        @Override
        public void add(PtpEdit row) {
            if (size == 1 << ROW_BITS) {
                throw new IllegalArgumentException("a PTP table holds at most " + (1 << ROW_BITS) + " rows");
            }
            if (size == column1.length) {
                int grown = size * 2;
                column1 = Arrays.copyOf(column1, grown);
                column2 = Arrays.copyOf(column2, grown);
                effective = Arrays.copyOf(effective, grown);
                deletion = Arrays.copyOf(deletion, grown);
                indicator = Arrays.copyOf(indicator, grown);
                rationale = Arrays.copyOf(rationale, grown);
            }
            column1[size] = codeId(row.column1());
            column2[size] = codeId(row.column2());
            effective[size] = (int) row.effective().toEpochDay();
            deletion[size] = row.deletionDate().map(d -> (int) d.toEpochDay()).orElse(NO_DELETION);
            indicator[size] = (byte) row.indicator().ordinal();
            Integer text = rationaleIds.get(row.rationale());
            if (text == null) {
                text = rationales.size();
                rationaleIds.put(row.rationale(), text);
                rationales.add(row.rationale());
            }
            rationale[size] = text;
            size++;
        }

        private int codeId(String code) {
            Integer known = codeIds.get(code);
            if (known != null) {
                return known;
            }
            if (codes.size() == MAX_CODES) {
                throw new IllegalArgumentException("a PTP table holds at most " + MAX_CODES + " distinct codes");
            }
            int next = codes.size();
            codeIds.put(code, next);
            codes.add(code);
            return next;
        }

        CompactPtpTable build() {
            return new CompactPtpTable(id, this);
        }
    }
}
