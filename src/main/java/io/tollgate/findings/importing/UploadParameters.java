package io.tollgate.findings.importing;

import io.tollgate.findings.ScanMode;
import io.tollgate.findings.importing.ImportService.ImportRequest;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Where a report sent as a raw body goes and what it is, in the query parameters that the scan API and the CI
 * webhook both take. The multipart upload carries the same fields as form parts.
 */
public record UploadParameters(@RestQuery String team, @RestQuery String environment, @RestQuery String component,
                               @RestQuery String tool, @RestQuery String format, @RestQuery String mode,
                               @RestQuery String commit, @RestQuery String branch, @RestQuery String pipelineUrl,
                               @RestQuery String fileName) {

    /**
     * What a report may be sent as, raw: JSON, XML, CSV, gzip or plain bytes (the format is read from the content).
     * Form encodings and {@code text/plain} are refused with 415: no report is either, and they are what a forged
     * HTML form sends.
     */
    public static final String REPORT_MEDIA_TYPES = "application/json, application/xml, text/xml, text/csv, "
            + "application/gzip, application/x-gzip, application/octet-stream";

    /** The import these parameters ask for; refuses a mode other than full or partial. */
    public ImportRequest toImportRequest() {
        return new ImportRequest(team, environment, component, tool, format, ScanMode.fromParameter(mode), commit, branch,
                pipelineUrl, fileName);
    }
}
