package org.coverageengine.domain.determination;

/**
 * One criterion to document for a conditional line: its code in the project's criteria CodeSystem, its text,
 * how it counts ("required", or "any one of ..."), and whether the request attested it.
 */
public record Criterion(String code, String text, String requirement, boolean attested) {
}
