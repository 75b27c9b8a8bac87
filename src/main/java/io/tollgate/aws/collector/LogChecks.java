package io.tollgate.aws.collector;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

import java.util.List;

/** The Lambda log groups of every region ({@code /aws/lambda/...}): each needs a retention period. */
@ApplicationScoped
class LogChecks implements CollectorStep {

    static final String RETENTION = "lambda-log-retention";

    @Override
    public String name() {
        return "Lambda log groups";
    }

    @Override
    public List<String> controls() {
        return List.of(RETENTION);
    }

    @Override
    public void run(Context context) {
        Evaluations evaluations = context.evaluations();
        for (Region region : context.regions()) {
            var logs = context.session().logs(region);
            evaluations.call("logs:DescribeLogGroups", region.id(),
                    () -> logs.describeLogGroupsPaginator(request -> request.logGroupNamePrefix("/aws/lambda/")).logGroups().stream().toList(),
                    RETENTION).orElse(List.of()).forEach(group -> check(evaluations, group));
        }
    }

    private static void check(Evaluations evaluations, LogGroup group) {
        String resource = group.arn() != null ? group.arn() : group.logGroupName();
        if (group.retentionInDays() == null) {
            evaluations.failed(RETENTION, resource, "The log group " + group.logGroupName() + " keeps its logs forever: no retention period is set.");
        } else {
            evaluations.passed(RETENTION, resource);
        }
    }
}
