package io.tollgate.gate.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server standing in for AWS Organizations, with Tollgate pointed at it: the production OU is set, the
 * endpoint is the stub and the SDK's default chain finds test credentials in system properties.
 */
public class OrganizationsStub implements QuarkusTestResourceLifecycleManager {

    public static final String PRODUCTION_OU = "ou-prod-11111111";

    static WireMockServer server;

    /** The one test profile that turns AWS Organizations on. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OrganizationsStub.class));
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        System.setProperty("aws.accessKeyId", "AKIDTOLLGATETEST");
        System.setProperty("aws.secretAccessKey", "test-secret-key-for-the-stub");
        return Map.of("tollgate.gate.organizations.production-ou-id", PRODUCTION_OU,
                "tollgate.gate.organizations.endpoint", server.baseUrl(),
                "tollgate.gate.organizations.timeout", "5s");
    }

    @Override
    public void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (server != null) {
            server.stop();
        }
    }
}
