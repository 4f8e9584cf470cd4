package org.coverageengine.domain.code;

/** The three CPT categories: I (procedures), II (performance measures, ending F), III (emerging technology, ending T). */
public enum CptCategory {
    I, II, III
}
