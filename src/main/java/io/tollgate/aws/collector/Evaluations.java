package io.tollgate.aws.collector;

import io.tollgate.controls.Control;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.PassedCheck;
import io.tollgate.findings.parsers.ReportSink;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the collector found in one account, check by check: passed resources, failures and the first error that
 * left a check not evaluated. A check that was not evaluated never counts as passed; its failures found before the
 * error are still real and stay findings.
 */
public final class Evaluations {

    /** The tool name of the collector's findings and scans. */
    public static final String TOOL = "tollgate-aws";

    private record Failure(String resource, String detail, String identity) {
    }

    private static final class Check {
        final Control control;
        final List<String> passed = new ArrayList<>();
        final List<Failure> failures = new ArrayList<>();
        String notEvaluated;

        Check(Control control) {
            this.control = control;
        }
    }

    private final String accountResource;
    private final Map<String, Check> checks = new LinkedHashMap<>();

    /** @param controls the controls this collection evaluates, in the order they are reported */
    public Evaluations(String accountId, List<Control> controls) {
        this.accountResource = "arn:aws:iam::" + accountId + ":root";
        controls.forEach(control -> checks.put(control.id(), new Check(control)));
    }

    public String accountResource() {
        return accountResource;
    }

    public void passed(String controlId, String resource) {
        check(controlId).passed.add(resource);
    }

    public void failed(String controlId, String resource, String detail) {
        failed(controlId, resource, detail, resource);
    }

    /** A failure whose identity is finer than its resource, e.g. one environment variable of a function. */
    public void failed(String controlId, String resource, String detail, String identity) {
        check(controlId).failures.add(new Failure(resource, detail, identity));
    }

    /** Leaves the checks not evaluated, keeping the first reason. */
    public void notEvaluated(String reason, String... controlIds) {
        for (String id : controlIds) {
            Check check = check(id);
            if (check.notEvaluated == null) {
                check.notEvaluated = reason;
            }
        }
    }

    /**
     * Calls an AWS API for the given checks; when AWS denies or fails the call (after the SDK's retries), the checks
     * are left not evaluated with the API and error as the reason, and the answer is empty.
     */
    public <T> Optional<T> call(String api, String region, Supplier<T> call, String... controlIds) {
        try {
            return Optional.ofNullable(call.get());
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            notEvaluated(api + (region == null ? "" : " in " + region) + " failed: "
                    + (code == null ? "HTTP " + e.statusCode() : code + " (HTTP " + e.statusCode() + ")"), controlIds);
        } catch (SdkException e) {
            notEvaluated(api + (region == null ? "" : " in " + region) + " failed: " + e.getMessage(), controlIds);
        }
        return Optional.empty();
    }

    public boolean isEvaluated(String controlId) {
        return check(controlId).notEvaluated == null;
    }

    public CheckResult result(String controlId) {
        Check check = check(controlId);
        CheckOutcome outcome = check.notEvaluated != null ? CheckOutcome.NOT_EVALUATED
                : check.failures.isEmpty() ? CheckOutcome.PASSED : CheckOutcome.FAILED;
        // Resources a check passed before one of its calls failed are not imported, so they are not counted either.
        int passed = check.notEvaluated != null ? 0 : check.passed.size();
        return new CheckResult(controlId, outcome, passed, check.failures.size(), check.notEvaluated);
    }

    public boolean complete() {
        return checks.values().stream().allMatch(check -> check.notEvaluated == null);
    }

    /**
     * Hands the failures as findings and the passes as passed checks to the import engine. A check that found nothing
     * to look at passes for the account as a whole; a check that was not evaluated hands over its failures only.
     */
    public void emit(ReportSink sink) {
        for (Check check : checks.values()) {
            Control control = check.control;
            for (Failure failure : check.failures) {
                sink.finding(NormalizedFinding.builder(TOOL)
                        .ruleId(control.id())
                        .checkId(control.id())
                        .title(control.title())
                        .severity(control.severity())
                        .resource(failure.resource())
                        .description(failure.detail())
                        .remediation("See the lesson " + control.lesson() + ".")
                        .toolIdentity(control.id() + "|" + failure.identity())
                        .build());
            }
            if (check.notEvaluated != null) {
                continue;
            }
            check.passed.forEach(resource -> sink.passed(new PassedCheck(TOOL, control.id(), resource)));
            if (check.passed.isEmpty() && check.failures.isEmpty()) {
                sink.passed(new PassedCheck(TOOL, control.id(), accountResource));
            }
        }
    }

    private Check check(String controlId) {
        Check check = checks.get(controlId);
        if (check == null) {
            throw new IllegalArgumentException("no control '" + controlId + "' in this collection");
        }
        return check;
    }
}
