package org.coverageengine.adapter.fhir.broken;

import org.coverageengine.adapter.csv.ProgressListener;

/** Deliberately broken (test sources only): a FHIR adapter class that reaches into the CSV adapter. */
public class FhirReadingPacks {

    public ProgressListener listener() {
        return ProgressListener.NONE;
    }
}
