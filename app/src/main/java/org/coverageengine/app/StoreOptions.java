package org.coverageengine.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import org.coverageengine.adapter.jdbc.JdbcDeterminationRecord;
import org.coverageengine.adapter.jdbc.StoreAddress;
import org.coverageengine.adapter.jdbc.StoreStartException;
import org.coverageengine.domain.engine.DeterminationLedger;
import org.coverageengine.domain.port.out.DeterminationRecord;
import picocli.CommandLine.Option;

/** Where determinations are recorded: {@code --store FOLDER | jdbc:postgresql://... | none}. */
final class StoreOptions {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoreOptions.class);

    /** What recording off gives up, said at start so that nobody turns it off unknowingly. */
    static final String OFF_NOTICE = "Recording is off (--store none): answers are not kept, so they cannot be read back, "
            + "searched, audited or reported later, and their ids cannot be quoted back.";

    @Option(names = "--store", paramLabel = "FOLDER|jdbc:postgresql://...|none", defaultValue = "./cpe-data",
            description = "Where every answer and audit record is kept: an H2 database in FOLDER, PostgreSQL (user and password "
                    + "from CPE_STORE_USER/CPE_STORE_PASSWORD or PGUSER/PGPASSWORD), or none (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--retain-days", paramLabel = "DAYS", defaultValue = "0",
            description = "Delete recorded answers and audit records older than DAYS, at start and daily (0, the default: keep everything).")
    int retainDays;

    /** With --retain-days, deletes what is older at once and then daily, on a daemon thread; a failed run waits for the next. */
    void scheduleRetention(Opened record) {
        if (retainDays <= 0 || off()) {
            return;
        }
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "retention");
            thread.setDaemon(true);
            return thread;
        }).scheduleWithFixedDelay(() -> {
            try {
                LOG.info("Retention: deleted {} recorded answers older than {} days", record.ledger().retainDays(retainDays), retainDays);
            } catch (RuntimeException e) {
                LOG.warn("Retention could not run now ({}); it runs again in a day", e.getClass().getSimpleName());
            }
        }, 0, 1, java.util.concurrent.TimeUnit.DAYS);
    }

    boolean off() {
        return "none".equals(store);
    }

    /** The record use cases over the store, or empty after printing one line when it cannot be opened. */
    Optional<Opened> open(PrintWriter err) {
        if (off()) {
            return Optional.of(new Opened(DeterminationLedger.off(), null));
        }
        try {
            DeterminationRecord record = JdbcDeterminationRecord.open(StoreAddress.parse(store, System.getenv()), JdbcDeterminationRecord.DEFAULT_WAIT);
            return Optional.of(new Opened(DeterminationLedger.keepingIn(record, Clock.systemUTC()), record));
        } catch (IllegalArgumentException | StoreStartException e) {
            err.println("The determination record could not be opened: " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    /** The use cases and the store behind them (null when recording is off), to close at the end. */
    record Opened(DeterminationLedger ledger, DeterminationRecord store) implements AutoCloseable {
        @Override
        public void close() {
            if (store != null) {
                store.close();
            }
        }
    }
}
