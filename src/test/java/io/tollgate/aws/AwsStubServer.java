package io.tollgate.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A local stub of AWS (WireMock) for every service the collector calls: the SDK's endpoint override points all of
 * them here, and dummy credentials stand in for Tollgate's own identity, so no test needs real AWS credentials.
 */
public class AwsStubServer implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        System.setProperty("aws.accessKeyId", "AKIATOLLGATETESTONLY");
        System.setProperty("aws.secretAccessKey", "not-a-secret-test-only");
        return Map.of("tollgate.aws.endpoint-override", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
