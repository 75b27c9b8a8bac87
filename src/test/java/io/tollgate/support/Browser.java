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

    public static Browser signedIn(TestData.TestUser user, TotpAuthenticator totp) {
        return signedIn(user, totp, 0);
    }

    /**
     * Signs in with the code of a later time step (at most 1): each code is accepted once, so a second session of one
     * person within the same 30 seconds needs the next code.
     */
    public static Browser signedIn(TestData.TestUser user, TotpAuthenticator totp, int stepsAhead) {
        Browser browser = new Browser();
        browser.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD))
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/signin/verify"));
        String code = totp.codeAt(user.totpSecret(), Instant.now().getEpochSecond() / 30 + stepsAhead);
        browser.postForm("/signin/verify", Map.of("code", code))
                .then().statusCode(303);
        return browser;
    }

    public static Browser anonymous() {
        return new Browser();
    }

    public RequestSpecification request() {
        return RestAssured.given().redirects().follow(false).cookies(cookies)
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
