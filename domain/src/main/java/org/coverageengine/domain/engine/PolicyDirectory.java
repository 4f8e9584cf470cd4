package org.coverageengine.domain.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.in.DescribePolicies;

/** Lists and describes the loaded policies. */
public final class PolicyDirectory implements DescribePolicies {

    private final Supplier<Knowledge> knowledge;

    /** Creates the directory over the knowledge in force. */
    public PolicyDirectory(Supplier<Knowledge> knowledge) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    }

    @Override
    public List<Policy> list() {
        return knowledge.get().policies().all();
    }

    @Override
    public Optional<Policy> describe(String number) {
        return knowledge.get().policies().latest(number);
    }
}
