package org.coverageengine.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.out.CoveragePolicies;

/** The loaded policy versions, held in memory and grouped by policy number. */
public final class InMemoryCoveragePolicies implements CoveragePolicies {

    private final List<Policy> all;
    private final Map<String, List<Policy>> byNumber;
    private final List<String> numbers;

    /** Creates the store; two versions of one policy may not share an effective date. */
    public InMemoryCoveragePolicies(List<Policy> policies) {
        List<Policy> sorted = new ArrayList<>(policies);
        sorted.sort(Comparator.comparing(Policy::number).thenComparing(Policy::effectiveDate));
        Map<String, List<Policy>> grouped = new LinkedHashMap<>();
        for (Policy policy : sorted) {
            List<Policy> versions = grouped.computeIfAbsent(policy.number(), n -> new ArrayList<>());
            if (!versions.isEmpty() && versions.get(versions.size() - 1).effectiveDate().equals(policy.effectiveDate())) {
                throw new IllegalArgumentException("policy " + policy.number() + " has two versions effective " + policy.effectiveDate());
            }
            versions.add(policy);
        }
        this.all = ImmutableList.copyOf(sorted);
        Map<String, List<Policy>> frozen = new LinkedHashMap<>();
        grouped.forEach((number, versions) -> frozen.put(number, ImmutableList.copyOf(versions)));
        this.byNumber = java.util.Collections.unmodifiableMap(frozen);
        this.numbers = ImmutableList.copyOf(byNumber.keySet());
    }

    @Override
    public List<Policy> all() {
        return all;
    }

    /** The answer for the last date asked (requests mostly share dates); replaced whole, so readers never see it half-made. */
    private volatile DatedPolicies last;

    private record DatedPolicies(LocalDate date, List<Policy> policies) {
    }

    @Override
    public List<Policy> inEffectOn(LocalDate date) {
        DatedPolicies cached = last;
        if (cached != null && cached.date().equals(date)) {
            return cached.policies();
        }
        List<Policy> current = computeInEffectOn(date);
        last = new DatedPolicies(date, current);
        return current;
    }

    private List<Policy> computeInEffectOn(LocalDate date) {
        ImmutableList.Builder<Policy> current = ImmutableList.builder();
        for (List<Policy> versions : byNumber.values()) {
            for (int i = versions.size() - 1; i >= 0; i--) {
                if (versions.get(i).inEffectOn(date)) {
                    current.add(versions.get(i));
                    break;
                }
            }
        }
        return current.build();
    }

    @Override
    public List<String> numbers() {
        return numbers;
    }

    @Override
    public Optional<Policy> latest(String number) {
        List<Policy> versions = byNumber.get(number);
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @Override
    public Optional<Policy> earliest(String number) {
        List<Policy> versions = byNumber.get(number);
        return versions == null ? Optional.empty() : Optional.of(versions.get(0));
    }
}
