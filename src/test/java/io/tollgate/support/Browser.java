package io.tollgate.support;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tollgate.security.SessionCookies;
import io.tollgate.security.TotpAuthenticator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;

/**
 * A cookie-keeping HTTP client that signs in through the real sign-in pages (password, then TOTP code), the way a
 * browser does, and then calls the API or posts portal forms as a page of Tollgate would: every state-changing
 * request carries a same-origin {@code Origin} and the session's CSRF token (the {@code X-CSRF-Token} header, or the
 * {@code csrf} field of a portal form).
 */
public class Browser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final long STEP_MILLIS = 30_000;
    private static final long MARGIN_MILLIS = 5_000;

    private final Map<String, String> cookies = new HashMap<>();
    private String token;
    private String tokenSession;
    private String clientAddress;
    private String ownOrigin;

    public static Browser signedIn(TestData.TestUser user, TotpAuthenticator totp) {
        return signedIn(user, totp, 0);
    }

    /**
     * Signs in with {@link #code}: the previous step's code for a first session ({@code stepsAhead} 0), the current
     * step's for a second one (1). Each code is accepted once, and only during its step and the next, so the first
     * sign-in leaves the current code for the second.
     */
    public static Browser signedIn(TestData.TestUser user, TotpAuthenticator totp, int stepsAhead) {
        Browser browser = new Browser();
        browser.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD))
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/signin/verify"));
        browser.postForm("/signin/verify", Map.of("code", code(user, totp, stepsAhead)))
                .then().statusCode(303);
        return browser;
    }

    /**
     * A code the server accepts now: that of the previous 30-second step ({@code stepsAhead} 0), still good, or of
     * the current one (1), which stays unused by a sign-in that took the previous one.
     */
    public static String code(TestData.TestUser user, TotpAuthenticator totp, int stepsAhead) {
        long intoStep = System.currentTimeMillis() % STEP_MILLIS;
        if (stepsAhead == 0 && intoStep > STEP_MILLIS - MARGIN_MILLIS) {
            // The previous step's code expires with this step: on a busy machine the request could arrive too late.
            try {
                Thread.sleep(STEP_MILLIS - intoStep + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return totp.codeAt(user.totpSecret(), Instant.now().getEpochSecond() / 30 - 1 + stepsAhead);
    }

    public static Browser anonymous() {
        return new Browser();
    }

    /** Sends every request as from this client address (X-Forwarded-For, which the test profile trusts). */
    public Browser from(String address) {
        this.clientAddress = address;
        return this;
    }

    /**
     * Sends state-changing requests with this {@code Origin} instead of the test server's own: the origin of
     * {@code tollgate.public-url} when a test profile sets one, as a browser on that address would.
     */
    public Browser withOrigin(String origin) {
        this.ownOrigin = origin;
        return this;
    }

    /** A request with this browser's cookies; a POST, PUT, PATCH or DELETE also gets the CSRF header and Origin. */
    public RequestSpecification request() {
        return withCookies(sameOrigin(true));
    }

    /**
     * A request with this browser's cookies and a same-origin {@code Origin} (unless the test sets another), but no
     * CSRF header: for forms that carry the token as their {@code csrf} field, and for forged requests.
     */
    public RequestSpecification requestWithoutCsrfToken() {
        return withCookies(sameOrigin(false));
    }

    public RequestSpecification json() {
        return request().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Posts a portal form with the CSRF token a page handed out in its {@code csrf} field, as a browser would. */
    public Response postForm(String path, Map<String, String> fields) {
        String field = csrfToken();
        return requestWithoutCsrfToken().contentType(ContentType.URLENC).formParams(fields).formParam("csrf", field)
                .post(path);
    }

    public Response get(String path) {
        return request().get(path);
    }

    /**
     * The CSRF token of this browser's current session (or of its sign-in, before there is one), read from a page
     * once per session cookie as the portal hands it out.
     */
    public String csrfToken() {
        String session = cookies.getOrDefault(SessionCookies.SESSION, cookies.get(SessionCookies.HOST_PREFIX + SessionCookies.SESSION));
        if (token != null && session != null && session.equals(tokenSession)) {
            return token;
        }
        // Signed in, every portal page carries the token in its meta tag; before, the sign-in form has it as a field.
        Matcher matcher = session != null
                ? CSRF_META.matcher(get("/").then().statusCode(equalTo(200)).extract().asString())
                : CSRF_FIELD.matcher(get("/signin").then().extract().asString());
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on the page");
        }
        token = matcher.group(1);
        tokenSession = session;
        return token;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    /** The same origin as the server's own: what a browser sends with a form or a script of a Tollgate page. */
    public static String origin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** The CSRF filter runs first, so that the cookies a token fetch may add leave with the request. */
    private RequestSpecification withCookies(Filter csrf) {
        RequestSpecification spec = RestAssured.given();
        if (clientAddress != null) {
            spec.header("X-Forwarded-For", clientAddress);
        }
        return spec.redirects().follow(false).filter(csrf)
                .filter((req, res, ctx) -> {
                    req.removeCookies();
                    req.cookies(cookies);
                    Response response = ctx.next(req, res);
                    response.getDetailedCookies().asList().forEach(c -> {
                        if (c.getMaxAge() == 0) {
                            cookies.remove(c.getName());
                        } else {
                            cookies.put(c.getName(), c.getValue());
                        }
                    });
                    return response;
                });
    }

    private Filter sameOrigin(boolean withToken) {
        return (req, res, ctx) -> {
            if (STATE_CHANGING.contains(req.getMethod())) {
                if (!req.getHeaders().hasHeaderWithName("Origin")) {
                    req.header("Origin", ownOrigin != null ? ownOrigin : origin());
                }
                if (withToken && !req.getHeaders().hasHeaderWithName("X-CSRF-Token")) {
                    req.header("X-CSRF-Token", csrfToken());
                }
            }
            return ctx.next(req, res);
        };
    }
}
