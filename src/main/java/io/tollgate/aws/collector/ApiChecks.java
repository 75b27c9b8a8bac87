package io.tollgate.aws.collector;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.WafNonexistentItemException;

import java.util.List;
import java.util.Map;

/**
 * API Gateway REST APIs of every region: each stage behind a WAF web ACL and throttled, each method (OPTIONS aside)
 * with an authorizer, IAM or Cognito authorization.
 */
@ApplicationScoped
class ApiChecks implements CollectorStep {

    static final String WAF = "api-stage-waf";
    static final String AUTHORIZATION = "api-method-authorization";
    static final String THROTTLING = "api-stage-throttling";

    @Override
    public String name() {
        return "API Gateway REST APIs";
    }

    @Override
    public List<String> controls() {
        return List.of(WAF, AUTHORIZATION, THROTTLING);
    }

    @Override
    public void run(Context context) {
        Evaluations evaluations = context.evaluations();
        for (Region region : context.regions()) {
            ApiGatewayClient apis = context.session().apiGateway(region);
            Wafv2Client waf = context.session().waf(region);
            List<RestApi> restApis = evaluations.call("apigateway:GetRestApis", region.id(),
                    () -> apis.getRestApisPaginator(request -> { }).items().stream().toList(), WAF, AUTHORIZATION, THROTTLING)
                    .orElse(List.of());
            for (RestApi api : restApis) {
                String apiArn = "arn:aws:apigateway:" + region.id() + "::/restapis/" + api.id();
                evaluations.call("apigateway:GetStages", region.id(), () -> apis.getStages(request -> request.restApiId(api.id())).item(),
                        WAF, THROTTLING).orElse(List.of()).forEach(stage -> checkStage(evaluations, waf, region, apiArn, api, stage));
                evaluations.call("apigateway:GetResources", region.id(),
                        () -> apis.getResourcesPaginator(request -> request.restApiId(api.id()).embed("methods")).items().stream().toList(),
                        AUTHORIZATION).orElse(List.of()).forEach(resource -> checkMethods(evaluations, apiArn, api, resource));
            }
        }
    }

    private static void checkStage(Evaluations evaluations, Wafv2Client waf, Region region, String apiArn, RestApi api, Stage stage) {
        String stageArn = apiArn + "/stages/" + stage.stageName();
        String shown = api.name() + " stage " + stage.stageName();
        evaluations.call("wafv2:GetWebACLForResource", region.id(), () -> {
            try {
                return waf.getWebACLForResource(request -> request.resourceArn(stageArn)).webACL() != null;
            } catch (WafNonexistentItemException noAcl) {
                return false;
            }
        }, WAF).ifPresent(protectedByWaf -> {
            if (protectedByWaf) {
                evaluations.passed(WAF, stageArn);
            } else {
                evaluations.failed(WAF, stageArn, "The API Gateway stage " + shown + " has no WAF web ACL.");
            }
        });
        MethodSetting all = stage.methodSettings().get("*/*");
        boolean throttled = all != null && all.throttlingRateLimit() != null && all.throttlingRateLimit() > 0
                && all.throttlingBurstLimit() != null && all.throttlingBurstLimit() > 0;
        if (throttled) {
            evaluations.passed(THROTTLING, stageArn);
        } else {
            evaluations.failed(THROTTLING, stageArn, "The API Gateway stage " + shown
                    + " sets no rate and burst limit for all methods (*/*); it only has the account's limits.");
        }
    }

    private static void checkMethods(Evaluations evaluations, String apiArn, RestApi api, Resource resource) {
        for (Map.Entry<String, Method> entry : resource.resourceMethods().entrySet()) {
            String httpMethod = entry.getKey();
            if (httpMethod.equals("OPTIONS")) {
                continue;
            }
            String methodArn = apiArn + "/resources/" + resource.id() + "/methods/" + httpMethod;
            String authorization = entry.getValue().authorizationType();
            if (authorization == null || authorization.equals("NONE")) {
                evaluations.failed(AUTHORIZATION, methodArn, httpMethod + " " + resource.path() + " of " + api.name()
                        + " requires no authorization.");
            } else {
                evaluations.passed(AUTHORIZATION, methodArn);
            }
        }
    }
}
