package org.coverageengine.adapter.jdbc;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.coverageengine.domain.record.RecordedDetermination;

/**
 * Which determination ids are kept or being kept, so that a second record under one id is refused when it is kept,
 * before anything is journaled: ids journaled but not yet loaded are held in a set; ids already in the database are
 * looked up there only when a Bloom filter of every id kept cannot rule them out (a look-up per keep cost as much as
 * the journal write).
 *
 * <p>The filter is filled from the database by a background thread that the first claim starts, so opening the
 * record costs no scan (a {@code report} never claims, and {@code serve} answers from the first request); until
 * the scan is done every claim looks its id up in the database, which is exact, only slower. Ids claimed while the
 * scan runs go into the filter too, and every id already in the database when the first claim comes is in the scan
 * (the journal is loaded before anything is claimed).
 */
final class KeptIds {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeptIds.class);
    /** The least number of ids the filter is sized for (about 5 MB at a 1% false-positive rate). */
    private static final long MIN_FILTER_IDS = 4_000_000;

    private final ConnectionSource source;
    private final Set<String> unloaded = ConcurrentHashMap.newKeySet();
    private final BloomFilter<CharSequence> everKept;
    private final AtomicBoolean scanStarted = new AtomicBoolean();
    private volatile boolean filled;

    private KeptIds(ConnectionSource source, BloomFilter<CharSequence> everKept) {
        this.source = source;
        this.everKept = everKept;
    }

    /** For the ids in the database (counted on the connection), with a filter sized for twice as many (at least 4 million). */
    static KeptIds of(ConnectionSource source, Connection connection) throws SQLException {
        long count;
        try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM determination"); ResultSet r = s.executeQuery()) {
            r.next();
            count = r.getLong(1);
        }
        connection.commit();
        return new KeptIds(source, BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), Math.max(MIN_FILTER_IDS, 2 * count), 0.01));
    }

    /** True once every id of the database is in the filter (tests). */
    boolean filled() {
        return filled;
    }

    /** True once the first claim has started the scan (tests). */
    boolean scanStarted() {
        return scanStarted.get();
    }

    private void startScan() {
        Thread scan = new Thread(this::scan, "record-id-scan");
        scan.setDaemon(true);
        scan.start();
    }

    private void scan() {
        try (Connection connection = source.open();
                PreparedStatement s = connection.prepareStatement("SELECT id FROM determination")) {
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    everKept.put(r.getString(1));
                }
            }
            filled = true;
        } catch (SQLException | RuntimeException e) {
            // Claims go on looking every id up in the database: exact, only slower.
            LOG.warn("The ids of the record could not be read ahead ({}); each new record's id is looked up instead.",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Claims the ids of the determinations among the items until they are loaded ({@link #loaded}) or given back
     * ({@link #giveBack}).
     *
     * @throws IllegalArgumentException when one is already kept or being kept (nothing stays claimed)
     */
    List<String> claim(List<Object> items) {
        List<String> ids = new ArrayList<>(1);
        for (Object item : items) {
            if (item instanceof RecordedDetermination determination) {
                String id = determination.id();
                boolean claimed = unloaded.add(id);
                if (claimed) {
                    ids.add(id);
                }
                if (!scanStarted.get() && scanStarted.compareAndSet(false, true)) {
                    startScan();
                }
                // Into the filter at once, the scan may be past it; put says whether its bits were all set before
                // (maybe kept). Until the scan was done before the put, only the database can tell.
                boolean scanDone = filled;
                boolean firstTime = everKept.put(id);
                boolean maybeKept = !firstTime || !scanDone;
                if (!claimed || maybeKept && inDatabase(id)) {
                    unloaded.removeAll(ids);
                    throw new IllegalArgumentException("a record with this id is already kept");
                }
            }
        }
        return ids;
    }

    /** The ids are in the database now. */
    void loaded(Collection<String> ids) {
        unloaded.removeAll(ids);
    }

    /** The ids were not kept after all. */
    void giveBack(Collection<String> ids) {
        unloaded.removeAll(ids);
    }

    private boolean inDatabase(String id) {
        Connection reader = null;
        boolean healthy = false;
        try {
            reader = source.borrow();
            try (PreparedStatement s = reader.prepareStatement("SELECT 1 FROM determination WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    healthy = true;
                    return r.next();
                }
            }
        } catch (SQLException e) {
            throw GroupCommitWriter.unavailable("its database cannot be read", e);
        } finally {
            if (reader != null) {
                source.release(reader, healthy);
            }
        }
    }
}
