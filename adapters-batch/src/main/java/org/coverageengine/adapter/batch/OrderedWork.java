package org.coverageengine.adapter.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a function over claims on several threads and hands the results on in input order. Claims go out in chunks
 * and at most a few chunks per thread are in flight, so memory stays bounded whatever the input's size.
 */
final class OrderedWork {

    private static final int CHUNK_LINES = 512;
    private static final int CHUNKS_PER_THREAD = 4;

    private OrderedWork() {
    }

    static <T> void run(Iterator<Claim> claims, Function<Claim, T> work, int threads, Consumer<T> sink) {
        if (threads <= 1) {
            while (claims.hasNext()) {
                sink.accept(work.apply(claims.next()));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "batch-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ArrayDeque<Future<List<T>>> inFlight = new ArrayDeque<>();
            while (claims.hasNext()) {
                List<Claim> chunk = new ArrayList<>();
                int lines = 0;
                while (claims.hasNext() && lines < CHUNK_LINES) {
                    Claim claim = claims.next();
                    chunk.add(claim);
                    lines += Math.max(1, claim.lines().size());
                }
                inFlight.add(pool.submit(() -> {
                    List<T> results = new ArrayList<>(chunk.size());
                    for (Claim claim : chunk) {
                        results.add(work.apply(claim));
                    }
                    return results;
                }));
                if (inFlight.size() >= threads * CHUNKS_PER_THREAD) {
                    drain(inFlight.poll(), sink);
                }
            }
            while (!inFlight.isEmpty()) {
                drain(inFlight.poll(), sink);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> void drain(Future<List<T>> future, Consumer<T> sink) {
        try {
            future.get().forEach(sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the batch was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
