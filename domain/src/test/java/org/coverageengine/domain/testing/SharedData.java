package org.coverageengine.domain.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared real-world data (seeds, CMS/CDC files, HL7 examples) that lives beside the project, never in
 * it. The location is the system property {@code cpe.shared.dir}, else the environment variable
 * {@code CPE_SHARED_DIR}, else the first {@code shared} folder found beside the working directory or a parent.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder, or null when it cannot be found. */
    public static Path root() {
        String configured = System.getProperty("cpe.shared.dir");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("CPE_SHARED_DIR");
        }
        if (configured != null && !configured.isBlank() && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data/external"))) {
                return candidate.normalize();
            }
            dir = dir.getParent();
        }
        return null;
    }

    /**
     * A file under the shared folder; when it is absent the calling test is skipped with a message that says
     * where it was looked for and how to point the tests at it.
     */
    public static Path require(String relative) {
        Path root = root();
        Path file = root == null ? null : root.resolve(relative);
        if (file == null || !Files.exists(file)) {
            String message = "SHARED DATA ABSENT: " + relative + " not found (looked in " + (root == null ? "no shared folder found" : root)
                    + "); set -Dcpe.shared.dir=/path/to/shared or CPE_SHARED_DIR to run this test";
            System.err.println(message);
            Assumptions.abort(message);
        }
        return file;
    }

    /** A file of shared/data/external. */
    public static Path external(String relative) {
        return require("data/external/" + relative);
    }
}
