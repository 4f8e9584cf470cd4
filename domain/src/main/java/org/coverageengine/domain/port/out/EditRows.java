package org.coverageengine.domain.port.out;

/**
 * Where a source writes the rows of one edit table, one at a time, so a table of a million rows never needs a million
 * row objects at once.
 *
 * @param <T> the kind of row: a PTP or an MUE edit
 */
public interface EditRows<T> {

    /** Adds one row of the table. */
    void add(T row);
}
