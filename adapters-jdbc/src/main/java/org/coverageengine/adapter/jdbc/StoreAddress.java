package org.coverageengine.adapter.jdbc;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the record lives: an H2 database in a data folder, or a PostgreSQL database by URL with the credentials taken
 * from the environment ({@code CPE_STORE_USER}/{@code CPE_STORE_PASSWORD}, else {@code PGUSER}/{@code PGPASSWORD}),
 * never from the command line.
 */
public final class StoreAddress {

    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    private final String url;
    private final Properties properties;
    private final String description;
    private final Path folder;

    private StoreAddress(String url, Properties properties, String description, Path folder) {
        this.url = url;
        this.properties = properties;
        this.description = description;
        this.folder = folder;
    }

    /**
     * Parses a {@code --store} value: a {@code jdbc:postgresql:} URL, else a folder for H2.
     *
     * @throws IllegalArgumentException for a URL carrying a password, or another JDBC URL
     */
    public static StoreAddress parse(String value, Map<String, String> environment) {
        if (value.startsWith(POSTGRES_PREFIX)) {
            if (value.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
                throw new IllegalArgumentException("--store: put the password in CPE_STORE_PASSWORD (or PGPASSWORD), not in the URL");
            }
            return postgres(value, firstSet(environment, "CPE_STORE_USER", "PGUSER"), firstSet(environment, "CPE_STORE_PASSWORD", "PGPASSWORD"));
        }
        if (value.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--store: only jdbc:postgresql: URLs or a folder for the embedded H2 database are supported, was "
                    + value.substring(0, value.indexOf(':', 5) < 0 ? value.length() : value.indexOf(':', 5)));
        }
        return h2(Path.of(value));
    }

    /** The embedded database's name in its folder (H2 adds ".mv.db" for its file). */
    private static final String H2_NAME = "record";

    /** The embedded database's file, or null for PostgreSQL. */
    Path h2File() {
        return folder() == null ? null : folder().resolve(H2_NAME + ".mv.db");
    }

    /** An H2 database in the folder (created if absent), committing every transaction to its file at once. */
    public static StoreAddress h2(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        // WRITE_DELAY=0: with H2's default delay a kill -9 loses commits already acknowledged to callers.
        // DB_CLOSE_ON_EXIT=FALSE: the record closes the database itself, after its writer has drained.
        String url = "jdbc:h2:file:" + absolute.resolve(H2_NAME) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        return new StoreAddress(url, new Properties(), "H2 database in " + absolute, absolute);
    }

    /** A PostgreSQL database; the user and password may be null (the driver then uses its defaults). */
    public static StoreAddress postgres(String url, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        // A lost server must fail a caller in seconds, not after the operating system's TCP timeouts.
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "coverage-policy-engine");
        int query = url.indexOf('?');
        return new StoreAddress(url, properties, "PostgreSQL at " + (query < 0 ? url : url.substring(0, query)), null);
    }

    private static String firstSet(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    String url() {
        return url;
    }

    Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    boolean isH2() {
        return folder != null;
    }

    /** The data folder of an H2 store, null for PostgreSQL. */
    public Path folder() {
        return folder;
    }

    /** Where the records live, for people, without credentials. */
    public String describe() {
        return description;
    }
}
