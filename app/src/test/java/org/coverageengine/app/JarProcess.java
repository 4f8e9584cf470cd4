package org.coverageengine.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: the shaded jar run as a separate process, as a user runs it. */
final class JarProcess implements AutoCloseable {

    final Process process;
    final Path out;
    final Path err;

    private JarProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static Path jar() {
        Path jar = Paths.get(System.getProperty("cpe.jar", "target/coverage-policy-engine.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the shaded jar is missing at " + jar + ": run 'mvn verify' (the package phase builds it)");
        }
        return jar;
    }

    static JarProcess start(String... args) throws IOException {
        return start(java.util.Map.of(), args);
    }

    /** Starts the jar with these variables added to the environment (for secrets, which never go on the command line). */
    static JarProcess start(java.util.Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar().toString()));
        command.addAll(List.of(args));
        if (args.length > 0 && args[0].equals("serve") && !command.contains("--store")) {
            // Each server its own data folder: the default (./cpe-data) would be shared by every test's server.
            command.addAll(List.of("--store", Files.createTempDirectory("cpe-store").toString()));
        }
        Path out = Files.createTempFile("cpe-out", ".txt");
        Path err = Files.createTempFile("cpe-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new JarProcess(process, out, err);
    }

    /** Runs to completion (at most 60 s) and returns the exit code. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the process did not finish in 60 s");
        }
        return process.exitValue();
    }

    String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits until stdout contains the text, at most the given milliseconds. */
    boolean awaitOutput(String text, long millis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (out().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Kills the process at once (SIGKILL: no shutdown hook runs) and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }
}
