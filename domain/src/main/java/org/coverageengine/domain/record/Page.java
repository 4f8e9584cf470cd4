package org.coverageengine.domain.record;

import java.util.List;

/** One page of a search: the items at the offset, and how many matched in all. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /** True when more items follow this page. */
    public boolean hasNext() {
        return offset + items.size() < total;
    }
}
