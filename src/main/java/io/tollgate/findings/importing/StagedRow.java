package io.tollgate.findings.importing;

import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.training.catalog.Classification;

/** A finding or passed check ready for the staging table: the parser's record plus what Tollgate adds. */
record StagedRow(NormalizedFinding finding, String fingerprint, Classification classification, String controlId,
                 Integer slaDays) {
}
