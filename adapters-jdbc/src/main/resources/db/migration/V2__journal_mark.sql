-- The number of the last journal entry loaded into this database (the embedded store journals each record before
-- its answer is sent and loads the journal behind; see JournalWriter). Written in the same transaction as the rows
-- it covers, so a restart loads each later entry exactly once. Unused on PostgreSQL, which commits each record
-- before its answer instead.
CREATE TABLE journal_mark (
    loaded_up_to BIGINT NOT NULL
);
INSERT INTO journal_mark (loaded_up_to) VALUES (0);
