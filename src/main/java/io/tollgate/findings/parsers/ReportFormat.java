package io.tollgate.findings.parsers;

/**
 * A report format as users see it and as detection tries it.
 *
 * @param id             stable id used in the API's {@code format} parameter, e.g. {@code sarif}, {@code trivy}
 * @param displayName    the name shown on the "Supported formats" page and in the upload form
 * @param howToProduce   one command or sentence that produces such a report, shown on the "Supported formats" page
 * @param detectionOrder lower is tried first: formats with a specific signature come before those that accept
 *                       loosely shaped JSON
 */
public record ReportFormat(String id, String displayName, String howToProduce, int detectionOrder) {
}
