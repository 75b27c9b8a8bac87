package io.tollgate.ci.service;

import io.tollgate.findings.importing.UploadParameters;

/**
 * One webhook request as it arrived, before its body: where the report goes and what it is ({@code upload}), whether
 * to ask the gate ({@code gate}: the target environment), the query string exactly as sent (what a signature covers),
 * the credential headers and the client's address (what failed authentications are counted by). The team of the
 * upload is the team whose credential must have signed or authorised the request.
 */
public record WebhookCall(UploadParameters upload, String gate, String rawQuery, String clientAddress,
                          String authorization, String idempotencyKey, String hubSignature, String githubDelivery,
                          String tollgateTimestamp, String webhookId, String webhookTimestamp, String webhookSignature,
                          String contentDigest, Long contentLength) {
}
