package org.coverageengine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import ca.uhn.fhir.context.FhirContext;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;

/**
 * A bounded soak: a real HTTP server, a steady rate of mixed valid and invalid requests, and the pack re-imported
 * on a schedule, cycling through version A (default pack), version B (plus an overlay that makes 99213
 * experimental) and a broken overlay that must be refused. Every response is checked: no 5xx, and the outcome
 * of 99213 must match the knowledge version the response names (no answer mixes two versions).
 */
public final class SoakRun {

    /** What the run saw. */
    public record Result(long requests, long okResponses, long clientErrors, long serverErrors, long transportErrors,
            long mixedVersions, Set<String> versions, int reloadsPublished, int reloadsRefused, List<Long> heapSamplesMiB) {
        @Override
        public String toString() {
            return String.format("requests %d: 200 %d, 4xx %d, 5xx %d, transport errors %d, responses mixing versions %d; "
                    + "versions answered %d; reloads published %d, refused %d; heap after GC (MiB) %s", requests, okResponses,
                    clientErrors, serverErrors, transportErrors, mixedVersions, versions.size(), reloadsPublished, reloadsRefused,
                    heapSamplesMiB);
        }
    }

    static final String OVERLAY_PACK = "pack_id,version,title\nsoak-b,1,Soak overlay\n";
    static final String OVERLAY_POLICIES = "policy,title,payer,effective,next_review,lines_of_business,ancillary_groups,url,related\n"
            + "SOAK-B,Soak overlay,Test,2020-01-01,,commercial,,,\n";
    static final String OVERLAY_GROUPS = "policy,group,title,section,pattern_system,pattern_prefix\nSOAK-B,OFFICE,Office visits,Soak,,\n";
    static final String OVERLAY_CODES = "policy,group,system,code,effective,termination,description\nSOAK-B,OFFICE,CPT,99213,,,Office visit\n";
    static final String OVERLAY_STATEMENTS = "policy,order,id,section,line_groups,lines_of_business,when,effect,argument,reason\n"
            + "SOAK-B,10,SOAK,Soak,OFFICE,,,decide,experimental,Soak overlay says experimental.\n";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private SoakRun() {
    }

    /** Runs for the duration at the rate, reloading every reloadEvery; prints progress each minute when verbose. */
    public static Result run(Duration duration, int ratePerSecond, Duration reloadEvery, boolean verbose) throws Exception {
        Path overlay = Files.createTempDirectory("soak-overlay");
        LoadedKnowledge loaded = new LoadedKnowledge(KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(), 0));
        KnowledgePublisher importer = new KnowledgePublisher(new InMemoryKnowledgeStore(), loaded);
        CoverageFhirServer server = new CoverageFhirServer("127.0.0.1", 0, FhirSettings.DEFAULTS,
                new CoverageDeterminer(loaded, Clock.systemUTC()), new PolicyDirectory(loaded)).start();
        AtomicInteger published = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger cycle = new AtomicInteger();
        ScheduledExecutorService reloads = Executors.newSingleThreadScheduledExecutor();
        reloads.scheduleWithFixedDelay(() -> {
            int step = cycle.getAndIncrement() % 3;
            try {
                writeOverlay(overlay, step);
                if (step == 0) {
                    importer.replaceWith(CsvPolicyPack.embeddedWith());
                } else {
                    importer.replaceWith(CsvPolicyPack.embeddedWith(CsvPolicyPack.fromDirectory(overlay)));
                }
                published.incrementAndGet();
            } catch (ImportException e) {
                refused.incrementAndGet();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, reloadEvery.toMillis(), reloadEvery.toMillis(), TimeUnit.MILLISECONDS);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(server.baseUrl() + "/CoverageEligibilityRequest/$submit");
        List<String> bodies = List.of(BenchmarkRequests.fhirJson(List.of("99213:J06.9", "61510:C71.1", "95940:C71.1", "95925:C71.1")),
                BenchmarkRequests.fhirJson(List.of("99213:J06.9", "64483:M54.16", "95940:M54.16")),
                BenchmarkRequests.fhirJson(List.of("99213:J06.9", "9594", "95940:M51.36")),
                "{\"resourceType\":\"CoverageEligibilityRequest\",\"item\":[{\"quantity\":{\"value\":-1}}]}",
                "{\"resourceType\":\"Patient\"}", "{not json");
        AtomicLong requests = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong clientErrors = new AtomicLong();
        AtomicLong serverErrors = new AtomicLong();
        AtomicLong transport = new AtomicLong();
        AtomicLong mixed = new AtomicLong();
        Set<String> versions = ConcurrentHashMap.newKeySet();
        List<Long> heap = new ArrayList<>();
        heap.add(heapAfterGc());
        ExecutorService workers = Executors.newFixedThreadPool(16);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            long n = requests.incrementAndGet();
            String body = bodies.get((int) (n % bodies.size()));
            workers.execute(() -> {
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() >= 500) {
                        serverErrors.incrementAndGet();
                    } else if (response.statusCode() >= 400) {
                        clientErrors.incrementAndGet();
                    } else {
                        ok.incrementAndGet();
                        check(response.body(), versions, mixed);
                    }
                } catch (IOException e) {
                    transport.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }, 0, 1_000_000L / ratePerSecond, TimeUnit.MICROSECONDS);

        long end = System.nanoTime() + duration.toNanos();
        long nextSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            Thread.sleep(200);
            if (System.nanoTime() >= nextSample) {
                heap.add(heapAfterGc());
                nextSample += TimeUnit.SECONDS.toNanos(60);
                if (verbose) {
                    System.out.println("soak: " + requests.get() + " requests, heap after GC " + heap.get(heap.size() - 1) + " MiB");
                }
            }
        }
        ticker.shutdown();
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        reloads.shutdownNow();
        heap.add(heapAfterGc());
        server.close();
        return new Result(requests.get(), ok.get(), clientErrors.get(), serverErrors.get(), transport.get(), mixed.get(), versions,
                published.get(), refused.get(), heap);
    }

    private static void check(String body, Set<String> versions, AtomicLong mixed) {
        CoverageEligibilityResponse response = FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, body);
        var version = response.getExtensionByUrl(FhirSettings.DEFAULTS.knowledgeVersionExtension());
        if (version == null) {
            mixed.incrementAndGet();
            return;
        }
        String label = version.getValue().primitiveValue();
        versions.add(label);
        var office = response.getInsuranceFirstRep().getItemFirstRep();
        String outcome = ((Coding) office.getExtensionByUrl(FhirSettings.DEFAULTS.determinationExtension()).getValue()).getCode();
        boolean overlay = label.contains("soak-b");
        if (overlay != outcome.equals("experimental") || !label.equals(response.getDisposition().replaceAll(".* Knowledge (#\\d+ \\[[^\\]]*\\]).*", "$1"))) {
            mixed.incrementAndGet();
        }
    }

    private static void writeOverlay(Path folder, int step) throws IOException {
        Files.writeString(folder.resolve("pack.csv"), OVERLAY_PACK);
        Files.writeString(folder.resolve("policies.csv"), OVERLAY_POLICIES);
        Files.writeString(folder.resolve("groups.csv"), OVERLAY_GROUPS);
        Files.writeString(folder.resolve("group_codes.csv"), OVERLAY_CODES);
        Files.writeString(folder.resolve("statements.csv"), step == 2 ? OVERLAY_STATEMENTS.replace("decide", "forbid") : OVERLAY_STATEMENTS);
    }

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** The long run: SoakRun [MINUTES] [RATE] [RELOAD_SECONDS]. */
    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int reload = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Result result = run(Duration.ofMinutes(minutes), rate, Duration.ofSeconds(reload), true);
        System.out.println("soak " + minutes + " min at " + rate + " req/s, reload every " + reload + " s: " + result);
        System.exit(result.serverErrors() == 0 && result.mixedVersions() == 0 && result.transportErrors() == 0 ? 0 : 1);
    }

}
