package io.tollgate.aws.collector;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The clients of one collection in one account, built on first use and closed together. */
public final class AccountSession implements AutoCloseable {

    private final AwsClients clients;
    private final StsAssumeRoleCredentialsProvider credentials;
    private final List<SdkAutoCloseable> open = new ArrayList<>();
    private final Map<String, Object> built = new HashMap<>();

    AccountSession(AwsClients clients, StsClient sts, StsAssumeRoleCredentialsProvider credentials) {
        this.clients = clients;
        this.credentials = credentials;
        open.add(sts);
        open.add(credentials);
    }

    /** Assumes the role now, so that a refused role fails the run before any check. */
    public void verify() {
        credentials.resolveCredentials();
    }

    public IamClient iam() {
        return client("iam", () -> clients.configure(IamClient.builder(), Region.AWS_GLOBAL).credentialsProvider(credentials()).build());
    }

    public CloudTrailClient cloudTrail() {
        Region home = clients.homeRegion();
        return client("cloudtrail", () -> clients.configure(CloudTrailClient.builder(), home).credentialsProvider(credentials()).build());
    }

    public LambdaClient lambda(Region region) {
        return client("lambda/" + region, () -> clients.configure(LambdaClient.builder(), region).credentialsProvider(credentials()).build());
    }

    public ApiGatewayClient apiGateway(Region region) {
        return client("apigateway/" + region, () -> clients.configure(ApiGatewayClient.builder(), region).credentialsProvider(credentials()).build());
    }

    public Wafv2Client waf(Region region) {
        return client("wafv2/" + region, () -> clients.configure(Wafv2Client.builder(), region).credentialsProvider(credentials()).build());
    }

    public CloudWatchLogsClient logs(Region region) {
        return client("logs/" + region, () -> clients.configure(CloudWatchLogsClient.builder(), region).credentialsProvider(credentials()).build());
    }

    public SecurityHubClient securityHub(Region region) {
        return client("securityhub/" + region, () -> clients.configure(SecurityHubClient.builder(), region).credentialsProvider(credentials()).build());
    }

    private AwsCredentialsProvider credentials() {
        return credentials;
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkAutoCloseable> C client(String key, Supplier<C> factory) {
        return (C) built.computeIfAbsent(key, k -> {
            C client = factory.get();
            open.add(client);
            return client;
        });
    }

    @Override
    public void close() {
        open.forEach(SdkAutoCloseable::close);
    }
}
