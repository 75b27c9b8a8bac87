package io.tollgate.aws.collector;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;

import java.util.List;

/** The account's own security: MFA on the root user and on every IAM user who signs in to the console. */
@ApplicationScoped
class AccountChecks implements CollectorStep {

    static final String ROOT_MFA = "root-mfa-enabled";
    static final String CONSOLE_MFA = "console-users-mfa";

    @Override
    public String name() {
        return "Account security";
    }

    @Override
    public List<String> controls() {
        return List.of(ROOT_MFA, CONSOLE_MFA);
    }

    @Override
    public void run(Context context) {
        IamClient iam = context.session().iam();
        Evaluations evaluations = context.evaluations();
        evaluations.call("iam:GetAccountSummary", null, () -> iam.getAccountSummary().summaryMapAsStrings().get("AccountMFAEnabled"), ROOT_MFA)
                .ifPresentOrElse(enabled -> {
                    if (enabled == 1) {
                        evaluations.passed(ROOT_MFA, evaluations.accountResource());
                    } else {
                        evaluations.failed(ROOT_MFA, evaluations.accountResource(), "The root user has no MFA device.");
                    }
                }, () -> evaluations.notEvaluated("iam:GetAccountSummary gave no AccountMFAEnabled", ROOT_MFA));
        for (User user : evaluations.call("iam:ListUsers", null, () -> iam.listUsersPaginator().users().stream().toList(), CONSOLE_MFA)
                .orElse(List.of())) {
            evaluations.call("iam:GetLoginProfile", null, () -> {
                try {
                    iam.getLoginProfile(request -> request.userName(user.userName()));
                    return true;
                } catch (NoSuchEntityException noConsolePassword) {
                    return false;
                }
            }, CONSOLE_MFA).filter(console -> console).ifPresent(console -> evaluations.call("iam:ListMFADevices", null,
                    () -> iam.listMFADevicesPaginator(request -> request.userName(user.userName())).mfaDevices().stream().findAny().isPresent(),
                    CONSOLE_MFA).ifPresent(mfa -> {
                        if (mfa) {
                            evaluations.passed(CONSOLE_MFA, user.arn());
                        } else {
                            evaluations.failed(CONSOLE_MFA, user.arn(), "The IAM user " + user.userName()
                                    + " signs in to the console with a password and has no MFA device.");
                        }
                    }));
        }
    }
}
