/**
 * What rule parts need from the engine to evaluate and explain themselves: a read-only view of the request and the
 * sinks the engine implements. Rule parts choose what happens; the engine builds results and words.
 */
package org.coverageengine.domain.evaluation;
