package io.tollgate.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** Behind a proxy, forwarded headers count only when they come from a trusted proxy. */
@QuarkusTest
@TestProfile(TrustedProxyProfile.class)
class TrustedProxiesTest {

    /** Another loopback address: a peer that reaches Tollgate directly, not through the proxy. */
    private static final String UNTRUSTED_PEER = "127.0.0.2";

    @Test
    void httpsForwardedByTheTrustedProxyGetsHsts() {
        RestAssured.given().header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.7")
                .get("/signin").then().statusCode(200)
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws IOException {
        String answer = getFrom(UNTRUSTED_PEER, "/signin",
                "X-Forwarded-Proto: https", "X-Forwarded-For: 198.51.100.7", "X-Forwarded-Host: attacker.example");
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer.toLowerCase()).doesNotContain("strict-transport-security");
    }

    @Test
    void tollgateRefusesToStartBehindAProxyItCannotName() {
        assertThatThrownBy(() -> TrustedProxies.check(true, Optional.empty()))
                .hasMessageContaining("TOLLGATE_TRUSTED_PROXIES");
        assertThatThrownBy(() -> TrustedProxies.check(true, Optional.of(List.of())))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> TrustedProxies.check(true, Optional.of(List.of("10.0.0.0/8")))).doesNotThrowAnyException();
        assertThatCode(() -> TrustedProxies.check(false, Optional.empty())).doesNotThrowAnyException();
    }

    /** A plain HTTP/1.1 request sent from the given local address; returns the status line and headers. */
    private String getFrom(String localAddress, String path, String... headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName(TrustedProxyProfile.TRUSTED), RestAssured.port,
                InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = response.indexOf("\r\n\r\n");
            return end < 0 ? response : response.substring(0, end);
        }
    }
}
