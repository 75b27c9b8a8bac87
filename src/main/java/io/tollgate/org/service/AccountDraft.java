package io.tollgate.org.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to register an AWS account with a team and environment. */
public record AccountDraft(
        @NotBlank @Pattern(regexp = "\\d{12}", message = "must be exactly 12 digits") String accountId,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 40) String team,
        @NotBlank @Size(max = 32) String environment,
        @Size(max = 2048)
        @Pattern(regexp = "arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+", message = "must be an IAM role ARN")
        String roleArn,
        @Size(min = 2, max = 1224) @Pattern(regexp = "[\\w+=,.@:/-]*", message = "has characters AWS does not allow")
        String externalId,
        @Size(max = 68) @Pattern(regexp = "ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}", message = "must be an AWS Organizations OU id")
        String organizationalUnit) {
}
