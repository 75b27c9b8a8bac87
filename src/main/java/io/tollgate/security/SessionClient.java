package io.tollgate.security;

import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.Locale;

/**
 * Where a session was started from, as its owner sees it on the profile page: a short summary of the browser and
 * system, and the client address.
 */
public record SessionClient(String agent, String address) {

    private static final int MAX_AGENT = 100;
    private static final int MAX_ADDRESS = 64;

    /** Browsers in the order their user-agent strings must be tested: Edge and Opera also name Chrome, Chrome names Safari. */
    private static final List<String[]> BROWSERS = List.of(new String[]{"edg/", "Edge"}, new String[]{"opr/", "Opera"},
            new String[]{"firefox/", "Firefox"}, new String[]{"headlesschrome/", "Headless Chrome"},
            new String[]{"chromium/", "Chromium"}, new String[]{"chrome/", "Chrome"}, new String[]{"safari/", "Safari"},
            new String[]{"curl/", "curl"});
    private static final List<String[]> SYSTEMS = List.of(new String[]{"android", "Android"},
            new String[]{"iphone", "iOS"}, new String[]{"ipad", "iPadOS"}, new String[]{"windows", "Windows"},
            new String[]{"mac os x", "macOS"}, new String[]{"cros", "ChromeOS"}, new String[]{"linux", "Linux"});

    /** The client of a sign-in request, the proxy's forwarded address when Tollgate trusts X-Forwarded-For. */
    public static SessionClient of(HttpServerRequest request) {
        return of(request.getHeader("User-Agent"), request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
    }

    static SessionClient of(String userAgent, String address) {
        return new SessionClient(summary(userAgent), cut(address == null || address.isBlank() ? "unknown" : address, MAX_ADDRESS));
    }

    /** E.g. "Firefox on Linux"; the first product token for anything else; "unknown" without a User-Agent. */
    static String summary(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown";
        }
        String lower = userAgent.toLowerCase(Locale.ROOT);
        String browser = match(lower, BROWSERS);
        String system = match(lower, SYSTEMS);
        if (browser == null) {
            browser = userAgent.strip().split("[\\s(]", 2)[0];
        }
        return cut(system == null ? browser : browser + " on " + system, MAX_AGENT);
    }

    private static String match(String lower, List<String[]> names) {
        return names.stream().filter(n -> lower.contains(n[0])).map(n -> n[1]).findFirst().orElse(null);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
