package org.coverageengine.adapter.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the embedded H2 file with only its live pages, when the record closes after taking records. H2 writes
 * every commit as a new chunk and rewrites the last pages of each index it touched; with {@code WRITE_DELAY=0} it
 * never compacts while open, and a chunk stays as long as any of its pages is live, so under steady recording the
 * file grows by what is written, not by what is kept: 4.6 GB for 300,000 one-line answers whose live pages take
 * 160 MB. {@code SHUTDOWN COMPACT} writes the live pages into a new file and replaces the old one (H2 finishes an
 * interrupted compaction at the next open), so a restart gives the space back.
 */
final class H2Compaction {

    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

    private H2Compaction() {
    }

    /** Compacts and closes the database; a failure is logged and leaves the file as it was. */
    static void compactAndClose(ConnectionSource source, Path file) {
        long before = size(file);
        long start = System.nanoTime();
        source.dropIdle();
        LOG.info("Compacting the record's database file ({} MB) before stopping", before >> 20);
        try (Connection connection = source.open(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            LOG.warn("The record's database file could not be compacted ({}); it is compacted at the next stop.", GroupCommitWriter.reason(e));
            return;
        }
        LOG.info("Compacted the record's database file from {} MB to {} MB in {} ms", before >> 20, size(file) >> 20,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
