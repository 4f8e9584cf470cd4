package org.coverageengine.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Starts an embedded PostgreSQL on loopback for a benchmark, prints its JDBC URL, and stops it when stdin closes. */
public final class PostgresForBench {

    private PostgresForBench() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            System.out.println("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Runs until the script closes our stdin.
            }
        }
    }
}
