package io.tollgate.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * One stubbed AWS account on the {@link AwsStubServer}, speaking the services' real wire protocols: STS and IAM in
 * the AWS Query protocol (form posts, XML answers), Lambda, API Gateway and Security Hub in REST-JSON, WAFv2,
 * CloudWatch Logs and CloudTrail in JSON 1.1. Assuming the account's role hands out an access key id of its own; every
 * other stub answers only requests signed with that key, so accounts of different tests do not see each other.
 */
final class AwsAccountStub {

    static final String REGION = "eu-west-1";

    final String accountId;
    final String roleArn;
    final String externalId = "tollgate-test";
    private final String keyId;
    private final WireMockServer server = AwsStubServer.server();

    private AwsAccountStub(String accountId) {
        this.accountId = accountId;
        this.roleArn = "arn:aws:iam::" + accountId + ":role/TollgateCollector";
        this.keyId = "ASIA" + accountId + "STUB";
        server.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing("RoleArn=" + encode(roleArn)))
                .withRequestBody(containing("ExternalId=" + externalId))
                .willReturn(xml(200, "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                        + "<Credentials><AccessKeyId>" + keyId + "</AccessKeyId><SecretAccessKey>stub-secret</SecretAccessKey>"
                        + "<SessionToken>stub-session</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                        + "<AssumedRoleUser><Arn>arn:aws:sts::" + accountId + ":assumed-role/TollgateCollector/tollgate</Arn>"
                        + "<AssumedRoleId>AROASTUB:tollgate</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                        + "<ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></AssumeRoleResponse>")));
    }

    /** An account whose role can be assumed and which, unless a test says otherwise, has nothing in it. */
    static AwsAccountStub empty(String accountId) {
        AwsAccountStub account = new AwsAccountStub(accountId);
        account.query("GetAccountSummary", "<SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry></SummaryMap>")
                .query("ListUsers", "<IsTruncated>false</IsTruncated><Users/>")
                .lambdaFunctions(null, null, List.of())
                .restJson("/restapis", "{\"item\":[]}")
                .json("Logs_20140328.DescribeLogGroups", "{\"logGroups\":[]}")
                .json("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails",
                        "{\"trailList\":[{\"Name\":\"org\",\"TrailARN\":\"" + account.trailArn() + "\",\"IsMultiRegionTrail\":true}]}")
                .json("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.GetTrailStatus", "{\"IsLogging\":true}")
                .securityHub("[]");
        return account;
    }

    /** A clean account: one function, one API and one log group, all as the talk asks. */
    static AwsAccountStub clean(String accountId) {
        AwsAccountStub account = empty(accountId);
        account.lambdaFunctions(null, null, List.of(account.function("orders", "python3.12", "Active", "orders-role", "{\"TABLE\":\"orders\"}")))
                .lambdaPolicy("orders", null)
                .lambdaUrls("orders", "[]")
                .query("ListRolePolicies", "<IsTruncated>false</IsTruncated><PolicyNames><member>orders-table</member></PolicyNames>")
                .query("GetRolePolicy", "<RoleName>orders-role</RoleName><PolicyName>orders-table</PolicyName><PolicyDocument>"
                        + encode("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\"],"
                        + "\"Resource\":\"arn:aws:dynamodb:eu-west-1:" + accountId + ":table/orders\"}]}") + "</PolicyDocument>")
                .query("ListAttachedRolePolicies", "<IsTruncated>false</IsTruncated><AttachedPolicies/>")
                .json("Logs_20140328.DescribeLogGroups", "{\"logGroups\":[{\"logGroupName\":\"/aws/lambda/orders\",\"arn\":\""
                        + account.logGroupArn("orders") + "\",\"retentionInDays\":30}]}")
                .restJson("/restapis", "{\"item\":[{\"id\":\"api1\",\"name\":\"orders-api\"}]}")
                .restJson("/restapis/api1/stages", "{\"item\":[{\"stageName\":\"prod\",\"methodSettings\":{\"*/*\":"
                        + "{\"throttlingRateLimit\":100.0,\"throttlingBurstLimit\":50}}}]}")
                .restJson("/restapis/api1/resources", "{\"item\":[{\"id\":\"r1\",\"path\":\"/orders\",\"resourceMethods\":{"
                        + "\"GET\":{\"httpMethod\":\"GET\",\"authorizationType\":\"AWS_IAM\"},"
                        + "\"OPTIONS\":{\"httpMethod\":\"OPTIONS\",\"authorizationType\":\"NONE\"}}}]}")
                .json("AWSWAF_20190729.GetWebACLForResource", "{\"WebACL\":{\"Name\":\"api\",\"Id\":\"acl1\",\"ARN\":"
                        + "\"arn:aws:wafv2:eu-west-1:" + accountId + ":regional/webacl/api/acl1\"}}");
        return account;
    }

    String trailArn() {
        return "arn:aws:cloudtrail:" + REGION + ":" + accountId + ":trail/org";
    }

    String functionArn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + accountId + ":function:" + name;
    }

    String roleArn(String roleName) {
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }

    String logGroupArn(String function) {
        return "arn:aws:logs:" + REGION + ":" + accountId + ":log-group:/aws/lambda/" + function;
    }

    /** A function as ListFunctions shows it; {@code variables} is a JSON object or null. */
    String function(String name, String runtime, String tracing, String roleName, String variables) {
        return "{\"FunctionName\":\"" + name + "\",\"FunctionArn\":\"" + functionArn(name) + "\",\"Runtime\":\"" + runtime
                + "\",\"Role\":\"" + roleArn(roleName) + "\",\"TracingConfig\":{\"Mode\":\"" + tracing + "\"}"
                + (variables == null ? "" : ",\"Environment\":{\"Variables\":" + variables + "}") + "}";
    }

    /** One page of ListFunctions: {@code marker} is the page asked for (null for the first), {@code next} the one after. */
    AwsAccountStub lambdaFunctions(String marker, String next, List<String> functions) {
        MappingBuilder request = signed(get(urlPathEqualTo("/2015-03-31/functions")));
        request = marker == null ? request.withQueryParam("Marker", com.github.tomakehurst.wiremock.client.WireMock.absent())
                : request.withQueryParam("Marker", equalTo(marker));
        server.stubFor(request.willReturn(jsonBody(200, "{\"Functions\":[" + String.join(",", functions) + "]"
                + (next == null ? "" : ",\"NextMarker\":\"" + next + "\"") + "}")));
        return this;
    }

    /** The function's resource policy (a JSON document), or none (Lambda's 404). */
    AwsAccountStub lambdaPolicy(String function, String policy) {
        ResponseDefinitionBuilder answer = policy == null
                ? jsonBody(404, "{\"Type\":\"User\",\"Message\":\"The resource you requested does not exist.\"}")
                        .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                : jsonBody(200, "{\"Policy\":" + quote(policy) + ",\"RevisionId\":\"1\"}");
        server.stubFor(signed(get(urlPathEqualTo("/2015-03-31/functions/" + function + "/policy"))).willReturn(answer));
        return this;
    }

    AwsAccountStub lambdaUrls(String function, String urls) {
        return restJson("/2021-10-31/functions/" + function + "/urls", "{\"FunctionUrlConfigs\":" + urls + "}");
    }

    /** A REST-JSON GET (Lambda, API Gateway). */
    AwsAccountStub restJson(String path, String body) {
        server.stubFor(signed(get(urlPathEqualTo(path))).willReturn(jsonBody(200, body)));
        return this;
    }

    /** An AWS Query call (IAM): the answer's result element holds {@code result}. */
    AwsAccountStub query(String action, String result) {
        server.stubFor(signed(post(urlPathEqualTo("/"))).withRequestBody(containing("Action=" + action + "&"))
                .willReturn(xml(200, queryAnswer(action, result))));
        return this;
    }

    /** An AWS Query call that matches one more form field, e.g. one user's login profile. */
    AwsAccountStub query(String action, String field, String result) {
        server.stubFor(signed(post(urlPathEqualTo("/"))).withRequestBody(containing("Action=" + action + "&"))
                .withRequestBody(containing(field)).willReturn(xml(200, queryAnswer(action, result))));
        return this;
    }

    AwsAccountStub queryError(String action, String field, int status, String code) {
        server.stubFor(signed(post(urlPathEqualTo("/"))).withRequestBody(containing("Action=" + action + "&"))
                .withRequestBody(containing(field)).willReturn(queryError(status, code)));
        return this;
    }

    /** A JSON 1.1 call, told apart by its X-Amz-Target header. */
    AwsAccountStub json(String target, String body) {
        server.stubFor(signed(post(urlPathEqualTo("/"))).withHeader("X-Amz-Target", equalTo(target))
                .willReturn(jsonBody(200, body).withHeader("Content-Type", "application/x-amz-json-1.1")));
        return this;
    }

    /** A later page of a JSON 1.1 call: the request carries the token the page before handed out. */
    AwsAccountStub jsonPage(String target, String token, String body) {
        server.stubFor(signed(post(urlPathEqualTo("/"))).withHeader("X-Amz-Target", equalTo(target))
                .withRequestBody(containing("\"" + token + "\"")).atPriority(1)
                .willReturn(jsonBody(200, body).withHeader("Content-Type", "application/x-amz-json-1.1")));
        return this;
    }

    /** Denies a REST-JSON GET as AWS does when the role lacks the permission. */
    AwsAccountStub restDenied(String path) {
        server.stubFor(signed(get(urlPathEqualTo(path))).atPriority(1).willReturn(jsonBody(403,
                "{\"Message\":\"User is not authorized to perform this action\"}").withHeader("x-amzn-ErrorType", "AccessDeniedException")));
        return this;
    }

    /** The first call of an AWS Query action is throttled, the next one answers. */
    /** A REST-JSON GET answered with a redirect to {@code location}, as a hijacked or misconfigured endpoint might. */
    AwsAccountStub redirected(String path, String location) {
        server.stubFor(signed(get(urlPathEqualTo(path))).willReturn(aResponse().withStatus(302).withHeader("Location", location)));
        return this;
    }

    AwsAccountStub throttledOnce(String action, String result) {
        String scenario = "throttle-" + accountId + "-" + action;
        server.stubFor(signed(post(urlPathEqualTo("/"))).withRequestBody(containing("Action=" + action + "&"))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered")
                .willReturn(queryError(400, "Throttling")));
        server.stubFor(signed(post(urlPathEqualTo("/"))).withRequestBody(containing("Action=" + action + "&"))
                .inScenario(scenario).whenScenarioStateIs("answered").willReturn(xml(200, queryAnswer(action, result))));
        return this;
    }

    /** Answers an AWS Query action after a delay, to keep a run busy. */
    AwsAccountStub slow(String action, java.time.Duration delay) {
        server.stubFor(signed(post(urlPathEqualTo("/"))).withRequestBody(containing("Action=" + action + "&"))
                .willReturn(xml(200, queryAnswer(action, "<SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry></SummaryMap>"))
                        .withFixedDelay((int) delay.toMillis())));
        return this;
    }

    /** Active Security Hub findings (a JSON array of ASFF findings). */
    AwsAccountStub securityHub(String findings) {
        server.stubFor(signed(post(urlPathEqualTo("/findings"))).willReturn(jsonBody(200, "{\"Findings\":" + findings + "}")));
        return this;
    }

    /** How many requests signed by this account's role called an AWS Query action. */
    int queryCalls(String action) {
        RequestPatternBuilder pattern = postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action + "&"))
                .withHeader("Authorization", containing("Credential=" + keyId + "/"));
        return server.findAll(pattern).size();
    }

    private MappingBuilder signed(MappingBuilder request) {
        return request.withHeader("Authorization", containing("Credential=" + keyId + "/"));
    }

    private static String queryAnswer(String action, String result) {
        return "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action + "Result>" + result
                + "</" + action + "Result><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></" + action + "Response>";
    }

    private static ResponseDefinitionBuilder queryError(int status, String code) {
        return xml(status, "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>stubbed " + code
                + "</Message></Error><RequestId>stub</RequestId></ErrorResponse>");
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private static ResponseDefinitionBuilder jsonBody(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
