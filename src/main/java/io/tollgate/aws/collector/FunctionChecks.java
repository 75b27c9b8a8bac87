package io.tollgate.aws.collector;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.FunctionUrlConfig;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TracingMode;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Lambda functions of every region: public resource policies, function URLs without auth, X-Ray tracing,
 * deprecated runtimes, secrets in environment variables, and execution roles shared by several functions.
 */
@ApplicationScoped
class FunctionChecks implements CollectorStep {

    static final String POLICY = "lambda-policy-not-public";
    static final String URL = "function-url-auth-required";
    static final String TRACING = "xray-tracing-active";
    static final String RUNTIME = "supported-runtimes";
    static final String SECRETS = "no-secrets-in-lambda-env";
    static final String SHARED_ROLE = "one-role-per-function";

    private final Runtimes runtimes;

    FunctionChecks(Runtimes runtimes) {
        this.runtimes = runtimes;
    }

    @Override
    public String name() {
        return "Lambda functions";
    }

    @Override
    public List<String> controls() {
        return List.of(POLICY, URL, TRACING, RUNTIME, SECRETS, SHARED_ROLE);
    }

    @Override
    public void run(Context context) {
        Evaluations evaluations = context.evaluations();
        for (Region region : context.regions()) {
            LambdaClient lambda = context.session().lambda(region);
            Optional<List<FunctionConfiguration>> functions = evaluations.call("lambda:ListFunctions", region.id(),
                    () -> lambda.listFunctionsPaginator().functions().stream().toList(),
                    POLICY, URL, TRACING, RUNTIME, SECRETS, SHARED_ROLE, RoleChecks.WILDCARDS);
            for (FunctionConfiguration function : functions.orElse(List.of())) {
                context.inventory().function(function.role(), function.functionArn());
                checkConfiguration(context, function);
                checkPolicy(evaluations, lambda, region, function);
                checkUrls(evaluations, lambda, region, function);
            }
        }
        for (Map.Entry<String, Set<String>> role : context.inventory().functionsByRole().entrySet()) {
            if (role.getValue().size() > 1) {
                evaluations.failed(SHARED_ROLE, role.getKey(), "The execution role is shared by " + role.getValue().size()
                        + " functions: " + String.join(", ", role.getValue()));
            } else {
                evaluations.passed(SHARED_ROLE, role.getKey());
            }
        }
    }

    private void checkConfiguration(Context context, FunctionConfiguration function) {
        Evaluations evaluations = context.evaluations();
        String arn = function.functionArn();
        if (function.tracingConfig() != null && function.tracingConfig().mode() == TracingMode.ACTIVE) {
            evaluations.passed(TRACING, arn);
        } else {
            evaluations.failed(TRACING, arn, "X-Ray tracing of " + function.functionName() + " is not active.");
        }
        String runtime = function.runtimeAsString();
        if (runtime != null) {
            runtimes.deprecatedBy(runtime, context.today()).ifPresentOrElse(
                    date -> evaluations.failed(RUNTIME, arn, function.functionName() + " runs on " + runtime
                            + ", deprecated since " + date + "."),
                    () -> evaluations.passed(RUNTIME, arn));
        }
        Map<String, String> variables = function.environment() == null ? Map.of() : function.environment().variables();
        boolean clean = true;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            Optional<String> kind = SecretShapes.kind(variable.getKey(), variable.getValue());
            if (kind.isPresent()) {
                clean = false;
                evaluations.failed(SECRETS, arn, "The environment variable " + variable.getKey() + " of "
                        + function.functionName() + " looks like a " + kind.get()
                        + " (value not stored). Keep secrets in Secrets Manager or Parameter Store.", arn + "#" + variable.getKey());
            }
        }
        if (clean) {
            evaluations.passed(SECRETS, arn);
        }
    }

    private static void checkPolicy(Evaluations evaluations, LambdaClient lambda, Region region, FunctionConfiguration function) {
        String arn = function.functionArn();
        Optional<Optional<String>> policy = evaluations.call("lambda:GetPolicy", region.id(), () -> {
            try {
                return Optional.of(lambda.getPolicy(request -> request.functionName(function.functionName())).policy());
            } catch (ResourceNotFoundException noPolicy) {
                return Optional.<String>empty();
            }
        }, POLICY);
        if (policy.isEmpty()) {
            return;
        }
        if (policy.get().isEmpty()) {
            evaluations.passed(POLICY, arn);
            return;
        }
        try {
            List<String> open = PolicyDocuments.publicStatements(PolicyDocuments.parse(policy.get().get()));
            if (open.isEmpty()) {
                evaluations.passed(POLICY, arn);
            } else {
                evaluations.failed(POLICY, arn, "The resource policy of " + function.functionName()
                        + " allows any principal (*) without a source condition in " + String.join(", ", open) + ".");
            }
        } catch (IOException e) {
            evaluations.notEvaluated("the resource policy of " + arn + " is not valid JSON", POLICY);
        }
    }

    private static void checkUrls(Evaluations evaluations, LambdaClient lambda, Region region, FunctionConfiguration function) {
        String arn = function.functionArn();
        evaluations.call("lambda:ListFunctionUrlConfigs", region.id(),
                () -> lambda.listFunctionUrlConfigsPaginator(request -> request.functionName(function.functionName())).functionUrlConfigs().stream().toList(),
                URL).ifPresent(urls -> {
                    boolean open = false;
                    for (FunctionUrlConfig url : urls) {
                        if (url.authType() == FunctionUrlAuthType.NONE) {
                            open = true;
                            evaluations.failed(URL, arn, "The function URL " + url.functionUrl() + " of "
                                    + function.functionName() + " has auth type NONE.", arn + "#" + url.functionUrl());
                        }
                    }
                    if (!open) {
                        evaluations.passed(URL, arn);
                    }
                });
    }
}
