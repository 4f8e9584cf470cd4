/**
 * The determination record: what the engine answered, to whom, on which knowledge, and the audit trail of every
 * interaction with it, as values that cross the {@code DeterminationRecord} port.
 */
package org.coverageengine.domain.record;
