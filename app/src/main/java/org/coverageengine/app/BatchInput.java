package org.coverageengine.app;

import java.nio.file.Path;
import org.coverageengine.adapter.batch.BulkDataClaimReader;
import org.coverageengine.adapter.batch.ClaimLineSource;
import org.coverageengine.adapter.batch.CoverageTypeMapping;
import org.coverageengine.adapter.batch.CsvClaimReader;
import org.coverageengine.adapter.batch.SortedClaimLines;

/** Opens a batch input: a FHIR bulk-data folder or a CSV claims file, sorted on disk when asked. */
final class BatchInput {

    private BatchInput() {
    }

    static ClaimLineSource open(Path in, boolean sort, Path temp) {
        ClaimLineSource source = BulkDataClaimReader.isBulkData(in) ? BulkDataClaimReader.open(in, CoverageTypeMapping.PAYMENT_TYPOLOGY)
                : CsvClaimReader.open(in);
        return sort ? SortedClaimLines.sort(source, temp, SortedClaimLines.DEFAULT_RUN) : source;
    }
}
