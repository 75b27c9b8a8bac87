package io.tollgate.aws;

import java.util.List;

/** A stubbed account that breaks every control the collector checks, with its functions and log groups on two pages. */
final class Violations {

    static final String PASSWORD_VALUE = "hunter2-not-a-real-password";
    static final String ACCESS_KEY_VALUE = "AKIAZZZZEXAMPLE00001";

    private Violations() {
    }

    static AwsAccountStub stub(String accountId) {
        AwsAccountStub account = AwsAccountStub.empty(accountId);
        String checkout = account.function("checkout", "nodejs16.x", "PassThrough", "shared-role",
                "{\"DB_PASSWORD\":\"" + PASSWORD_VALUE + "\",\"PAYMENTS_KEY_ID\":\"" + ACCESS_KEY_VALUE + "\",\"STAGE\":\"dev\"}");
        String refunds = account.function("refunds", "python3.12", "Active", "shared-role", null);
        account.query("GetAccountSummary", "<SummaryMap><entry><key>AccountMFAEnabled</key><value>0</value></entry>"
                        + "<entry><key>Users</key><value>1</value></entry></SummaryMap>")
                .query("ListUsers", "<IsTruncated>false</IsTruncated><Users><member><Path>/</Path><UserName>alice</UserName>"
                        + "<UserId>AIDASTUBALICE</UserId><Arn>arn:aws:iam::" + accountId + ":user/alice</Arn>"
                        + "<CreateDate>2025-01-01T00:00:00Z</CreateDate></member></Users>")
                .query("GetLoginProfile", "UserName=alice", "<LoginProfile><UserName>alice</UserName>"
                        + "<CreateDate>2025-01-01T00:00:00Z</CreateDate></LoginProfile>")
                .query("ListMFADevices", "UserName=alice", "<IsTruncated>false</IsTruncated><MFADevices/>")
                .json("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails", "{\"trailList\":[]}")
                .lambdaFunctions(null, "page-2", List.of(checkout))
                .lambdaFunctions("page-2", null, List.of(refunds))
                .lambdaPolicy("checkout", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"open-to-all\",\"Effect\":\"Allow\","
                        + "\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + account.functionArn("checkout") + "\"}]}")
                .lambdaPolicy("refunds", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"from-bucket\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + account.functionArn("refunds")
                        + "\",\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:s3:::refund-requests\"}}}]}")
                .lambdaUrls("checkout", "[{\"FunctionUrl\":\"https://checkout.lambda-url.eu-west-1.on.aws/\",\"FunctionArn\":\""
                        + account.functionArn("checkout") + "\",\"AuthType\":\"NONE\"}]")
                .lambdaUrls("refunds", "[]")
                .query("ListRolePolicies", "<IsTruncated>false</IsTruncated><PolicyNames><member>buckets</member></PolicyNames>")
                .query("GetRolePolicy", "<RoleName>shared-role</RoleName><PolicyName>buckets</PolicyName><PolicyDocument>"
                        + AwsAccountStub.encode("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}")
                        + "</PolicyDocument>")
                .query("ListAttachedRolePolicies", "<IsTruncated>false</IsTruncated><AttachedPolicies><member>"
                        + "<PolicyName>AdministratorAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn>"
                        + "</member></AttachedPolicies>")
                .query("GetPolicy", "<Policy><PolicyName>AdministratorAccess</PolicyName><DefaultVersionId>v1</DefaultVersionId>"
                        + "<Arn>arn:aws:iam::aws:policy/AdministratorAccess</Arn></Policy>")
                .query("GetPolicyVersion", "<PolicyVersion><Document>" + AwsAccountStub.encode("{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")
                        + "</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion></PolicyVersion>")
                .json("Logs_20140328.DescribeLogGroups", "{\"logGroups\":[{\"logGroupName\":\"/aws/lambda/checkout\",\"arn\":\""
                        + account.logGroupArn("checkout") + "\"}],\"nextToken\":\"logs-2\"}")
                .jsonPage("Logs_20140328.DescribeLogGroups", "logs-2", "{\"logGroups\":[{\"logGroupName\":\"/aws/lambda/refunds\","
                        + "\"arn\":\"" + account.logGroupArn("refunds") + "\",\"retentionInDays\":14}]}")
                .restJson("/restapis", "{\"item\":[{\"id\":\"api9\",\"name\":\"payments\"}]}")
                .restJson("/restapis/api9/stages", "{\"item\":[{\"stageName\":\"dev\"}]}")
                .restJson("/restapis/api9/resources", "{\"item\":[{\"id\":\"r9\",\"path\":\"/pay\",\"resourceMethods\":{"
                        + "\"POST\":{\"httpMethod\":\"POST\",\"authorizationType\":\"NONE\"},"
                        + "\"OPTIONS\":{\"httpMethod\":\"OPTIONS\",\"authorizationType\":\"NONE\"}}}]}")
                .json("AWSWAF_20190729.GetWebACLForResource", "{}")
                .securityHub("[{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"arn:aws:guardduty:eu-west-1:" + accountId
                        + ":detector/d1/finding/f1\",\"ProductArn\":\"arn:aws:securityhub:eu-west-1::product/aws/guardduty\","
                        + "\"GeneratorId\":\"arn:aws:guardduty:eu-west-1:" + accountId + ":detector/d1\",\"AwsAccountId\":\"" + accountId
                        + "\",\"Types\":[\"TTPs/Discovery\"],\"CreatedAt\":\"2026-11-01T10:00:00Z\",\"UpdatedAt\":\"2026-11-01T10:00:00Z\","
                        + "\"Severity\":{\"Label\":\"HIGH\"},\"Title\":\"Unusual API calls from a Lambda role\","
                        + "\"Description\":\"The role of checkout called APIs it never called before.\","
                        + "\"Resources\":[{\"Type\":\"AwsLambdaFunction\",\"Id\":\"" + account.functionArn("checkout") + "\"}],"
                        + "\"RecordState\":\"ACTIVE\",\"Workflow\":{\"Status\":\"NEW\"}}]");
        return account;
    }
}
