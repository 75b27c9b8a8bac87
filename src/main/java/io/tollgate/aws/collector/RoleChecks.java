package io.tollgate.aws.collector;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The execution roles of the functions found: whether any of their policies (inline, customer-managed or
 * AWS-managed such as AdministratorAccess) allow {@code *} or {@code service:*} on {@code *}.
 */
@ApplicationScoped
class RoleChecks implements CollectorStep {

    static final String WILDCARDS = "no-wildcard-actions";

    @Override
    public String name() {
        return "Execution roles";
    }

    @Override
    public List<String> controls() {
        return List.of(WILDCARDS);
    }

    @Override
    public void run(Context context) {
        IamClient iam = context.session().iam();
        Evaluations evaluations = context.evaluations();
        Map<String, List<String>> managedPolicies = new HashMap<>();
        for (String roleArn : context.inventory().functionsByRole().keySet()) {
            String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
            List<String> wildcards = new ArrayList<>();
            Optional<List<String>> inline = evaluations.call("iam:ListRolePolicies", null,
                    () -> iam.listRolePoliciesPaginator(request -> request.roleName(roleName)).policyNames().stream().toList(), WILDCARDS);
            for (String policyName : inline.orElse(List.of())) {
                evaluations.call("iam:GetRolePolicy", null,
                        () -> iam.getRolePolicy(request -> request.roleName(roleName).policyName(policyName)).policyDocument(), WILDCARDS)
                        .ifPresent(document -> wildcards.addAll(named("inline policy " + policyName, wildcardsIn(evaluations, roleArn, document))));
            }
            Optional<List<AttachedPolicy>> attached = evaluations.call("iam:ListAttachedRolePolicies", null,
                    () -> iam.listAttachedRolePoliciesPaginator(request -> request.roleName(roleName)).attachedPolicies().stream().toList(),
                    WILDCARDS);
            for (AttachedPolicy policy : attached.orElse(List.of())) {
                List<String> found = managedPolicies.computeIfAbsent(policy.policyArn(), arn -> managedWildcards(iam, evaluations, roleArn, arn));
                wildcards.addAll(named(policy.policyName(), found));
            }
            if (!wildcards.isEmpty()) {
                evaluations.failed(WILDCARDS, roleArn, "The execution role " + roleName + " allows wildcard actions: "
                        + String.join(", ", wildcards) + ".");
            } else if (inline.isPresent() && attached.isPresent()) {
                evaluations.passed(WILDCARDS, roleArn);
            }
        }
    }

    private static List<String> managedWildcards(IamClient iam, Evaluations evaluations, String roleArn, String policyArn) {
        return evaluations.call("iam:GetPolicy", null, () -> iam.getPolicy(request -> request.policyArn(policyArn)).policy().defaultVersionId(), WILDCARDS)
                .flatMap(version -> evaluations.call("iam:GetPolicyVersion", null,
                        () -> iam.getPolicyVersion(request -> request.policyArn(policyArn).versionId(version)).policyVersion().document(), WILDCARDS))
                .map(document -> wildcardsIn(evaluations, roleArn, document))
                .orElse(List.of());
    }

    private static List<String> wildcardsIn(Evaluations evaluations, String roleArn, String document) {
        try {
            return PolicyDocuments.wildcardActions(PolicyDocuments.parseEncoded(document));
        } catch (IOException e) {
            evaluations.notEvaluated("a policy of " + roleArn + " is not valid JSON", WILDCARDS);
            return List.of();
        }
    }

    private static List<String> named(String policy, List<String> actions) {
        return actions.stream().map(action -> action + " (" + policy + ")").toList();
    }
}
