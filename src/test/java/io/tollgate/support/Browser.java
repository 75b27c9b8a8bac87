package io.tollgate.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tollgate.security.TotpAuthenticator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;

/**
 * A cookie-keeping HTTP client that signs in through the real sign-in pages (password, then TOTP code), the way a
 * browser does, and then calls the API or posts portal forms with the CSRF token.
 */
public class Browser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private String clientAddress;

    public static Browser signedIn(TestData.TestUser user, TotpAuthenticator totp) {
        Browser browser = new Browser();
        browser.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD))
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/signin/verify"));
        String code = totp.codeAt(user.totpSecret(), Instant.now().getEpochSecond() / 30);
        browser.postForm("/signin/verify", Map.of("code", code))
                .then().statusCode(303);
        return browser;
    }

    public static Browser anonymous() {
        return new Browser();
    }

    /** Sends every request as from this client address (X-Forwarded-For, which the test profile trusts). */
    public Browser from(String address) {
        this.clientAddress = address;
        return this;
    }

    public RequestSpecification request() {
        RequestSpecification spec = RestAssured.given();
        if (clientAddress != null) {
            spec.header("X-Forwarded-For", clientAddress);
        }
        return spec.redirects().follow(false).cookies(cookies)
                .filter((req, res, ctx) -> {
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

    public RequestSpecification json() {
        return request().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Posts a portal form with the CSRF token a page handed out, as a browser would. */
    public Response postForm(String path, Map<String, String> fields) {
        String token = csrfToken();
        return request().contentType(ContentType.URLENC).formParams(fields).formParam("csrf", token).post(path);
    }

    public Response get(String path) {
        return request().get(path);
    }

    public String csrfToken() {
        String page = request().get("/signin").then().extract().asString();
        Matcher matcher = CSRF_FIELD.matcher(page);
        if (!matcher.find()) {
            // Signed in: /signin redirects; any portal page carries the sign-out form with the token.
            page = request().get("/").then().statusCode(equalTo(200)).extract().asString();
            matcher = CSRF_FIELD.matcher(page);
            if (!matcher.find()) {
                throw new AssertionError("No CSRF token on the page");
            }
        }
        return matcher.group(1);
    }

    public Map<String, String> cookies() {
        return cookies;
    }
}
