package io.tollgate.aws.collector;

import io.tollgate.aws.AwsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds the AWS SDK clients the collector uses in one account: Tollgate's own identity comes from the default
 * credential chain and assumes the account's role (with its external id); every client retries throttled calls with
 * exponential backoff and, when configured, talks to one endpoint override instead of AWS.
 */
@ApplicationScoped
public class AwsClients {

    private final AwsConfig config;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();

    AwsClients(AwsConfig config) {
        this.config = config;
    }

    /** The home region: STS and CloudTrail are asked there (IAM is global). */
    public Region homeRegion() {
        return Region.of(config.regions().get(0));
    }

    /** Opens a session in the account; the role is assumed on the first call, {@link AccountSession#verify()} forces it. */
    public AccountSession session(String roleArn, String externalId) {
        StsClient sts = configure(StsClient.builder(), homeRegion()).build();
        StsAssumeRoleCredentialsProvider credentials = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(request -> request.roleArn(roleArn).externalId(externalId)
                        .roleSessionName(config.roleSessionName()))
                .build();
        return new AccountSession(this, sts, credentials);
    }

    /** Region, HTTP client, retry strategy and endpoint override, the same for every service. */
    <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Region region) {
        AwsConfig.Retry retry = config.retry();
        builder.region(region)
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(retry.maxAttempts())
                                .backoffStrategy(BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxBackoff()))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxBackoff()))
                                .build())
                        .build());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }
}
