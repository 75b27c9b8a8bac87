package io.tollgate.web;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Tollgate behind a proxy on 127.0.0.1, as the shipped deployment files run it (the only extra test profile). */
public class TrustedProxyProfile implements QuarkusTestProfile {

    static final String TRUSTED = "127.0.0.1";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", TRUSTED,
                "quarkus.http.host", TRUSTED);
    }
}
