package io.tollgate.aws.collector;

import io.tollgate.controls.Control;
import io.tollgate.controls.ControlCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.regions.Region;

import java.time.LocalDate;
import java.util.List;

/**
 * Evaluates the talk's controls in one account, step by step, through the AWS SDK. It knows nothing of the database:
 * it reports each step's check results as they finish and returns the evaluations for the import engine.
 */
@ApplicationScoped
public class AccountCollector {

    /** Told about a collection as it goes. */
    public interface Progress {
        void started(String step);

        void finished(List<CheckResult> results);
    }

    private final List<CollectorStep> steps;
    private final List<Control> controls;

    AccountCollector(AccountChecks account, TrailChecks trail, FunctionChecks functions, RoleChecks roles, LogChecks logs,
                     ApiChecks apis, ControlCatalog catalog) {
        // Roles come after functions: the functions name the execution roles to read.
        this.steps = List.of(account, trail, functions, roles, logs, apis);
        this.controls = steps.stream().flatMap(step -> step.controls().stream())
                .map(id -> catalog.byId(id).orElseThrow(() -> new IllegalStateException("content/controls.tsv has no control '" + id + "'")))
                .toList();
    }

    /** The control ids the collector evaluates, in the order of its steps. */
    public List<String> controlIds() {
        return controls.stream().map(Control::id).toList();
    }

    public Evaluations collect(AccountSession session, String accountId, List<Region> regions, LocalDate today, Progress progress) {
        Evaluations evaluations = new Evaluations(accountId, controls);
        CollectorStep.Context context = new CollectorStep.Context(session, regions, evaluations, new Inventory(), today);
        for (CollectorStep step : steps) {
            progress.started(step.name());
            step.run(context);
            progress.finished(step.controls().stream().map(evaluations::result).toList());
        }
        return evaluations;
    }
}
