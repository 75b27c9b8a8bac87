package io.tollgate.ci.service;

import io.tollgate.findings.importing.UploadParameters;

/**
 * One webhook request as it arrived: where the report goes and what it is ({@code upload}), whether to ask the gate
 * ({@code gate}: the target environment) and the credential headers. The team of the upload is the team whose
 * credential must have signed or authorised the request.
 */
public record WebhookCall(UploadParameters upload, String gate, String authorization, String idempotencyKey,
                          String hubSignature, String githubDelivery, String webhookId, String webhookTimestamp,
                          String webhookSignature, Long contentLength) {
}
