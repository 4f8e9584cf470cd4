package org.coverageengine.domain.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.out.CoveragePolicies;

/** Test double: the policies of a list, answered by scanning it (the simplest store that keeps the port's contract). */
public final class ListedPolicies implements CoveragePolicies {

    private final List<Policy> all;

    /** Holds the policy versions given. */
    public ListedPolicies(List<Policy> policies) {
        List<Policy> sorted = new ArrayList<>(policies);
        sorted.sort(Comparator.comparing(Policy::number).thenComparing(Policy::effectiveDate));
        this.all = List.copyOf(sorted);
    }

    @Override
    public List<Policy> all() {
        return all;
    }

    @Override
    public List<Policy> inEffectOn(LocalDate date) {
        List<Policy> current = new ArrayList<>();
        for (String number : numbers()) {
            all.stream().filter(p -> p.number().equals(number) && p.inEffectOn(date))
                    .reduce((earlier, later) -> later).ifPresent(current::add);
        }
        return current;
    }

    @Override
    public List<String> numbers() {
        return all.stream().map(Policy::number).distinct().toList();
    }

    @Override
    public Optional<Policy> latest(String number) {
        return all.stream().filter(p -> p.number().equals(number)).reduce((earlier, later) -> later);
    }

    @Override
    public Optional<Policy> earliest(String number) {
        return all.stream().filter(p -> p.number().equals(number)).findFirst();
    }
}
