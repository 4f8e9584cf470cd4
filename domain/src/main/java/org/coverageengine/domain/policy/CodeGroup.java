package org.coverageengine.domain.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.DateRange;

/**
 * A named list of codes from a policy (with per-code effective and termination dates), ranges and prefixes of codes
 * (each with its dates), or a pattern such as "every HCPCS code beginning with S". Which groups hold a code on a date is answered for all groups of a policy at
 * once, by one hash look-up in the engine's index of the policy.
 */
public record CodeGroup(String name, String title, String section, Map<Code, DateRange> members, List<CodePattern> patterns,
        List<CodeRange> ranges) {

    /** Copies the members; a group needs a name. */
    public CodeGroup {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a code group needs a name");
        }
        title = title == null ? name : title;
        section = section == null ? "" : section;
        members = ImmutableMap.copyOf(members);
        patterns = patterns == null ? ImmutableList.of() : ImmutableList.copyOf(patterns);
        ranges = ranges == null ? ImmutableList.of() : ImmutableList.copyOf(ranges);
    }

    /** A group of listed codes and patterns, without ranges. */
    public CodeGroup(String name, String title, String section, Map<Code, DateRange> members, List<CodePattern> patterns) {
        this(name, title, section, members, patterns, List.of());
    }

    /** True when the code is listed (on any date) or matches a pattern. */
    public boolean mentions(Code code) {
        return members.containsKey(code) || patterns.stream().anyMatch(p -> p.matches(code)) || ranges.stream().anyMatch(r -> r.matches(code));
    }

    /** The number of listed codes. */
    public int size() {
        return members.size();
    }
}
