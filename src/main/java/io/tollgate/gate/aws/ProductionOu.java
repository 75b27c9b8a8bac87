package io.tollgate.gate.aws;

import io.tollgate.gate.GateConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClientBuilder;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.util.List;
import java.util.Optional;

/**
 * The production OU of AWS Organizations, when one is configured: moves a promoted account into it with
 * {@code ListParents} and {@code MoveAccount}. The client is built on first use with the JDK's HTTP client.
 */
@ApplicationScoped
public class ProductionOu {

    private final GateConfig.Organizations config;
    private OrganizationsClient client;
    private StsClient sts;

    ProductionOu(GateConfig config) {
        this.config = config.organizations();
    }

    /** The production OU id, when accounts are moved in AWS as well as in Tollgate. */
    public Optional<String> id() {
        return config.productionOuId().filter(id -> !id.isBlank());
    }

    /**
     * Moves the account from its current parent into the production OU; an account already there is left as it is.
     *
     * @throws MoveRefusedException when AWS refuses either call or cannot be reached
     */
    public void moveIn(String accountId) throws MoveRefusedException {
        String destination = id().orElseThrow(() -> new IllegalStateException("no production OU is configured"));
        try {
            List<Parent> parents = client().listParents(r -> r.childId(accountId)).parents();
            if (parents.isEmpty()) {
                throw new MoveRefusedException("AWS Organizations lists no parent for account " + accountId, null);
            }
            String source = parents.get(0).id();
            if (!source.equals(destination)) {
                client().moveAccount(r -> r.accountId(accountId).sourceParentId(source).destinationParentId(destination));
            }
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new MoveRefusedException("AWS Organizations refused: " + (code == null ? "" : code + ": ") + message, e);
        } catch (SdkException e) {
            throw new MoveRefusedException("AWS Organizations could not be reached: " + e.getMessage(), e);
        }
    }

    private synchronized OrganizationsClient client() {
        if (client == null) {
            Region region = Region.of(config.region());
            OrganizationsClientBuilder builder = OrganizationsClient.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .region(region)
                    .credentialsProvider(credentials(region))
                    .overrideConfiguration(c -> c.apiCallTimeout(config.timeout()));
            config.endpoint().ifPresent(builder::endpointOverride);
            client = builder.build();
        }
        return client;
    }

    private AwsCredentialsProvider credentials(Region region) {
        if (config.roleArn().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        sts = StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(region).build();
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(config.roleArn().get()).roleSessionName("tollgate-promotion"))
                .build();
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
        if (sts != null) {
            sts.close();
        }
    }
}
