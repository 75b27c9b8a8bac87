package io.tollgate.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Refuses to start behind a proxy that is not named. Quarkus believes X-Forwarded-* headers from every peer unless
 * {@code quarkus.http.proxy.trusted-proxies} lists the proxies; then any client that reaches Tollgate chooses its
 * own address (for the sign-in and webhook limits) and scheme (for HSTS and Secure cookies).
 */
@ApplicationScoped
public class TrustedProxies {

    @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding")
    boolean behindProxy;

    @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    Optional<List<String>> trustedProxies;

    void onStart(@Observes StartupEvent event) {
        check(behindProxy, trustedProxies);
    }

    static void check(boolean behindProxy, Optional<List<String>> trustedProxies) {
        if (behindProxy && trustedProxies.map(List::isEmpty).orElse(true)) {
            throw new IllegalStateException("TOLLGATE_BEHIND_PROXY=true needs TOLLGATE_TRUSTED_PROXIES: the addresses or "
                    + "CIDR ranges of the proxies in front of Tollgate, whose X-Forwarded-* headers are believed");
        }
    }
}
