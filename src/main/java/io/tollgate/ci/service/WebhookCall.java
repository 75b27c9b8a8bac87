package io.tollgate.ci.service;

/**
 * One webhook request as it arrived: where the report goes and what it is (query parameters), whether to ask the
 * gate ({@code gate}: the target environment) and the credential headers.
 */
public record WebhookCall(String team, String environment, String component, String tool, String format, String mode,
                          String commit, String branch, String pipelineUrl, String fileName, String gate,
                          String authorization, String idempotencyKey, String hubSignature, String githubDelivery,
                          String webhookId, String webhookTimestamp, String webhookSignature, Long contentLength) {
}
