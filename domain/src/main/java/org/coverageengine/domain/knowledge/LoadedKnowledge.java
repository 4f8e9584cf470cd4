package org.coverageengine.domain.knowledge;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.coverageengine.domain.port.out.Knowledge;

/**
 * The knowledge currently in force. Readers take one snapshot per request, so an answer never mixes two versions;
 * writers publish a complete new snapshot in one atomic step, so a failed import changes nothing.
 */
public final class LoadedKnowledge implements Supplier<Knowledge> {

    private final AtomicReference<Knowledge> current;

    /** Starts with the given knowledge. */
    public LoadedKnowledge(Knowledge initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    @Override
    public Knowledge get() {
        return current.get();
    }

    /** Publishes a complete new snapshot and returns the one it replaced. */
    public Knowledge replace(Knowledge next) {
        return current.getAndSet(Objects.requireNonNull(next, "next"));
    }
}
