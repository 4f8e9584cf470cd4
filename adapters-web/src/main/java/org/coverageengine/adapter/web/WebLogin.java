package org.coverageengine.adapter.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The person-facing login of the pages (HTTP Basic): users and PBKDF2-HMAC-SHA256 password hashes read from a file,
 * one {@code name:pbkdf2-sha256:iterations:salt:hash} line per user (salt and hash in Base64, '#' starts a comment).
 */
public final class WebLogin {

    /** Iterations of new hashes: OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    private static final int MIN_ITERATIONS = 100_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Hash(int iterations, byte[] salt, byte[] hash) {
    }

    /** How long a checked Authorization header is trusted without hashing again. */
    private static final long REMEMBERED_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
    private static final int REMEMBERED_MAX = 1_000;

    private final Map<String, Hash> users;
    /**
     * Headers already checked (by their SHA-256, never in clear), with the user and when the check expires: a browser
     * repeats the header on every request, and a PBKDF2 check per page, stylesheet and script would cost seconds of CPU.
     */
    private final Map<String, Map.Entry<String, Long>> remembered = new java.util.concurrent.ConcurrentHashMap<>();
    /** Compared against when the user is unknown, so that the answer takes as long as for a known one. */
    private final Hash decoy;

    private WebLogin(Map<String, Hash> users) {
        this.users = Map.copyOf(users);
        this.decoy = new Hash(ITERATIONS, new byte[16], new byte[32]);
    }

    /** Reads a users file; a bad line is an error naming file:line. */
    public static WebLogin fromFile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Hash> users = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":");
            String where = file.getFileName() + ":" + (i + 1) + ": ";
            if (parts.length != 5 || !parts[1].equals(SCHEME) || parts[0].isEmpty()) {
                throw new IllegalArgumentException(where + "expected name:" + SCHEME + ":iterations:salt:hash");
            }
            try {
                int iterations = Integer.parseInt(parts[2]);
                if (iterations < MIN_ITERATIONS) {
                    throw new IllegalArgumentException(where + "at least " + MIN_ITERATIONS + " iterations are required, was " + iterations);
                }
                users.put(parts[0], new Hash(iterations, Base64.getDecoder().decode(parts[3]), Base64.getDecoder().decode(parts[4])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "the iteration count is not a number");
            } catch (IllegalArgumentException e) {
                throw e.getMessage() != null && e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + "salt or hash is not Base64");
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException(file.getFileName() + ": no user is defined");
        }
        return new WebLogin(users);
    }

    /** A users-file line for the name and password, with a fresh salt. */
    public static String line(String name, char[] password) {
        if (name.isEmpty() || name.contains(":") || name.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("a user name is not empty and has no ':' or spaces");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return name + ":" + SCHEME + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(derive(password, salt, ITERATIONS, 32));
    }

    /** The user named in a Basic authorization header whose password is right, or empty. */
    public Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6) || authorization.length() > 1024) {
            return Optional.empty();
        }
        String key = fingerprint(authorization);
        Map.Entry<String, Long> known = remembered.get(key);
        if (known != null && known.getValue() - System.nanoTime() > 0) {
            return Optional.of(known.getKey());
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        String name = decoded.substring(0, colon);
        Hash expected = users.getOrDefault(name, decoy);
        byte[] actual = derive(decoded.substring(colon + 1).toCharArray(), expected.salt(), expected.iterations(), expected.hash().length);
        boolean match = MessageDigest.isEqual(actual, expected.hash());
        if (!match || !users.containsKey(name)) {
            return Optional.empty();
        }
        if (remembered.size() >= REMEMBERED_MAX) {
            remembered.clear();
        }
        remembered.put(key, Map.entry(name, System.nanoTime() + REMEMBERED_NANOS));
        return Optional.of(name);
    }

    private static String fingerprint(String authorization) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(authorization.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
