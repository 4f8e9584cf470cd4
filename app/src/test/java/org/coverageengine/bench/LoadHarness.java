package org.coverageengine.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded open-loop HTTP load on loopback: requests are sent at a fixed rate whatever the server's speed, and
 * each latency is measured from the moment the request was due (so a slow server cannot hide its queueing).
 * Usage: LoadHarness BASE_URL RATE_PER_SECOND SECONDS LINES [CONCURRENCY]. Only loopback URLs are accepted.
 */
public final class LoadHarness {

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int lines = Integer.parseInt(args[3]);
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        URI uri = URI.create(base + "/CoverageEligibilityRequest/$submit");
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost())) {
            throw new IllegalArgumentException("the harness only targets loopback, not " + uri.getHost());
        }
        List<String> bodies = BenchmarkRequests.ofSize(lines).stream().map(BenchmarkRequests::fhirJson).toList();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        warmUp(client, uri, bodies);

        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        AtomicInteger issued = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            // Issue every request that is due by now (catching up if the ticker was late).
            while (true) {
                int i = issued.get();
                if (i >= total || start + i * periodNanos > now) {
                    break;
                }
                if (!issued.compareAndSet(i, i + 1)) {
                    continue;
                }
                long due = start + i * periodNanos;
                workers.execute(() -> {
                    try {
                        HttpResponse<String> response = client.send(request(uri, bodies.get(i % bodies.size())), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 500 || response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - due;
                    done.incrementAndGet();
                });
            }
        }, 0, Math.max(100_000L, periodNanos / 2), TimeUnit.NANOSECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 30L);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long elapsed = System.nanoTime() - start;
        ticker.shutdownNow();
        workers.shutdownNow();
        int completed = done.get();
        long[] sorted = Arrays.copyOf(latencies, completed);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "lines=%d target=%d req/s for %d s: completed %d/%d, throughput %.0f req/s, "
                        + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d%n",
                lines, rate, seconds, completed, total, completed / (elapsed / 1e9), millis(sorted, 0.50), millis(sorted, 0.90),
                millis(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, errors.get() + (total - completed));
        System.exit(0);
    }

    private static void warmUp(HttpClient client, URI uri, List<String> bodies) throws Exception {
        for (int i = 0; i < 2_000; i++) {
            client.send(request(uri, bodies.get(i % bodies.size())), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpRequest request(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
