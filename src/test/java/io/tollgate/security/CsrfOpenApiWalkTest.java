package io.tollgate.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tollgate.org.GlobalRole;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every state-changing operation of the OpenAPI document with a security admin's session cookie and no CSRF
 * token, so that a new endpoint is covered without anyone remembering to: each must answer the CSRF refusal (not a
 * 404 or 400 that would hide an unguarded change), and each must say what body it consumes, if any.
 */
@QuarkusTest
class CsrfOpenApiWalkTest {

    private static final Set<String> STATE_CHANGING = Set.of("post", "put", "patch", "delete");
    /** Form and multipart bodies are for the portal's pages; the rest of a body is JSON or a report. */
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Test
    void everyStateChangingOperationRefusesASessionCookieWithoutToken() {
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        Map<String, Map<String, Map<String, Object>>> paths = RestAssured.given().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");

        List<String> walked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        paths.forEach((template, item) -> item.forEach((method, operation) -> {
            if (!STATE_CHANGING.contains(method)) {
                return;
            }
            String name = method.toUpperCase() + " " + template;
            walked.add(name);
            List<String> types = contentTypes(operation);
            if (types.stream().anyMatch(t -> t.contains("*"))) {
                failures.add(name + " declares no media type it consumes: " + types);
            }
            Response response = send(admin, method, fill(template, operation), types);
            String body = response.asString();
            if (response.statusCode() != 403 || !body.contains("CSRF token")) {
                failures.add(name + " answered " + response.statusCode() + " instead of the CSRF refusal: "
                        + body.substring(0, Math.min(body.length(), 200)));
            }
        }));

        assertThat(failures).isEmpty();
        assertThat(walked).hasSizeGreaterThan(40).contains("POST /api/v1/gate/waivers/{id}/approve",
                "POST /api/v1/ci/teams/{team}/tokens/{id}/revoke", "POST /api/v1/scans", "DELETE /api/v1/accounts/{accountId}",
                "PATCH /api/v1/people/{id}", "PUT /api/v1/teams/{slug}/members", "POST /signin", "POST /signout");
    }

    /** The media types of the request body the operation declares; none when it takes no body. */
    @SuppressWarnings("unchecked")
    private static List<String> contentTypes(Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null || body.get("content") == null) {
            return List.of();
        }
        return List.copyOf(((Map<String, Object>) body.get("content")).keySet());
    }

    /** The path with plausible values: the first choice of a pattern, a number for an integer, else a word. */
    @SuppressWarnings("unchecked")
    private static String fill(String template, Map<String, Object> operation) {
        String path = template;
        for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
            if (!"path".equals(parameter.get("in"))) {
                continue;
            }
            Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
            String value;
            if (schema.get("pattern") instanceof String pattern) {
                value = pattern.replaceAll("[\\^$()]", "").split("\\|")[0];
            } else if ("integer".equals(schema.get("type"))) {
                value = "1";
            } else {
                value = "payments";
            }
            path = path.replace("{" + parameter.get("name") + "}", value);
        }
        return path;
    }

    /**
     * What a forged page could send: a body of the operation's first declared type, or, for an operation without a
     * body, what an HTML form with {@code enctype="text/plain"} sends.
     */
    private static Response send(Browser admin, String method, String path, List<String> types) {
        RequestSpecification request = admin.requestWithoutCsrfToken();
        String type = types.stream().filter(t -> !t.contains("*")).findFirst().orElse("text/plain");
        if (type.equals("multipart/form-data")) {
            request.multiPart("note", "forged");
        } else if (FORM_TYPES.contains(type)) {
            request.contentType(type).formParam("note", "forged");
        } else {
            request.contentType(type).body("{}".getBytes(StandardCharsets.UTF_8));
        }
        return request.request(method.toUpperCase(), path);
    }
}
