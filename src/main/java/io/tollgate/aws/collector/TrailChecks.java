package io.tollgate.aws.collector;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

import java.util.List;

/** CloudTrail: at least one multi-region trail that is logging. */
@ApplicationScoped
class TrailChecks implements CollectorStep {

    static final String CLOUDTRAIL = "cloudtrail-enabled";

    @Override
    public String name() {
        return "CloudTrail";
    }

    @Override
    public List<String> controls() {
        return List.of(CLOUDTRAIL);
    }

    @Override
    public void run(Context context) {
        CloudTrailClient cloudTrail = context.session().cloudTrail();
        Evaluations evaluations = context.evaluations();
        List<Trail> trails = evaluations.call("cloudtrail:DescribeTrails", context.regions().get(0).id(),
                () -> cloudTrail.describeTrails(request -> request.includeShadowTrails(true)).trailList(), CLOUDTRAIL).orElse(null);
        if (trails == null) {
            return;
        }
        for (Trail trail : trails) {
            if (Boolean.TRUE.equals(trail.isMultiRegionTrail())) {
                boolean logging = evaluations.call("cloudtrail:GetTrailStatus", context.regions().get(0).id(),
                        () -> cloudTrail.getTrailStatus(request -> request.name(trail.trailARN())).isLogging(), CLOUDTRAIL).orElse(false);
                if (logging) {
                    evaluations.passed(CLOUDTRAIL, trail.trailARN());
                    return;
                }
            }
        }
        if (!evaluations.isEvaluated(CLOUDTRAIL)) {
            return;
        }
        evaluations.failed(CLOUDTRAIL, evaluations.accountResource(), "No multi-region CloudTrail trail is logging"
                + (trails.isEmpty() ? ": the account has no trail." : "."));
    }
}
