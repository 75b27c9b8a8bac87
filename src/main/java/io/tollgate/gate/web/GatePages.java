package io.tollgate.gate.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.web.RateLimited;
import io.tollgate.web.RateLimits;
import io.tollgate.gate.Waiver;
import io.tollgate.gate.policy.Policy;
import io.tollgate.gate.service.Decision;
import io.tollgate.gate.service.EvaluationRequest;
import io.tollgate.gate.service.GateAccess;
import io.tollgate.gate.service.GateService;
import io.tollgate.gate.service.PromotionService;
import io.tollgate.gate.service.PromotionView;
import io.tollgate.gate.service.WaiverRequest;
import io.tollgate.gate.service.WaiverService;
import io.tollgate.gate.service.WaiverView;
import io.tollgate.org.Environment;
import io.tollgate.org.service.TeamService;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.security.CurrentViewer;
import io.tollgate.security.Viewer;
import io.tollgate.web.Flash;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The gate page of a team in a target environment: the latest decision with each condition's reason, the history,
 * the waiver queue, the promotion requests and, for security admins, the active policy. Every action is a form
 * that redirects back with a flash message.
 */
@Path("/gate/{team}/{environment}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class GatePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(TeamService.TeamOverview team, Environment environment,
                                            List<Environment> environments, List<Decision> history,
                                            List<WaiverView> waivers, List<WaiverView> expiring,
                                            List<PromotionView> promotions, Policy policy, boolean securityAdmin,
                                            boolean mayAct);
    }

    private static final int HISTORY = 20;

    @Inject
    GateService gate;

    @Inject
    WaiverService waivers;

    @Inject
    PromotionService promotions;

    @Inject
    TeamService teams;

    @Inject
    GateAccess access;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance page(@PathParam("team") String team, @PathParam("environment") String environment) {
        Viewer me = viewer.get();
        TeamService.TeamOverview overview = teams.overview(me, team);
        List<Decision> history = gate.history(me, team, environment, null, HISTORY);
        Environment target = Environment.findByKey(environment).orElseThrow();
        return Templates.page(overview, target, Environment.inPromotionOrder(), history, waivers.list(me, team, false),
                waivers.list(me, team, true), promotions.list(me, team),
                me.isSecurityAdmin() ? gate.policy(me, team) : null, me.isSecurityAdmin(), access.mayAct(me, overview.team()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/evaluate")
    @RateLimited(RateLimits.Limit.GATE_EVALUATIONS)
    public Response evaluate(@PathParam("team") String team, @PathParam("environment") String environment) {
        return act(team, environment, () -> "The gate answered "
                + gate.evaluate(viewer.get(), new EvaluationRequest(team, environment, null, null, UUID.randomUUID().toString(), null))
                .decision().verdict() + ".");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/waivers")
    public Response requestWaiver(@PathParam("team") String team, @PathParam("environment") String environment,
                                  @RestForm String kind, @RestForm String subject, @RestForm String reason,
                                  @RestForm String expiresOn) {
        return act(team, environment, () -> {
            Waiver.Kind parsed;
            try {
                parsed = Waiver.Kind.valueOf(kind == null ? "" : kind);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("kind", "must be CONTROL, CONDITION or FINDING");
            }
            WaiverView waiver = waivers.request(viewer.get(), new WaiverRequest(team, parsed, subject, reason, expiresOn, false));
            return "Waiver " + waiver.id() + " requested; a security admin other than you decides on it.";
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/waivers/{id}/{action: approve|deny|revoke}")
    public Response decideWaiver(@PathParam("team") String team, @PathParam("environment") String environment,
                                 @PathParam("id") long id, @PathParam("action") String action) {
        return act(team, environment, () -> {
            WaiverView waiver = switch (action) {
                case "approve" -> waivers.approve(viewer.get(), id);
                case "deny" -> waivers.deny(viewer.get(), id);
                default -> waivers.revoke(viewer.get(), id);
            };
            return "Waiver " + waiver.id() + " is now " + waiver.state() + ".";
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/promotions")
    @RateLimited(RateLimits.Limit.GATE_EVALUATIONS)
    public Response requestPromotion(@PathParam("team") String team, @PathParam("environment") String environment,
                                     @RestForm String account) {
        return act(team, environment, () -> described(promotions.request(viewer.get(), account)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/promotions/{id}/evaluate")
    public Response reevaluatePromotion(@PathParam("team") String team, @PathParam("environment") String environment,
                                        @PathParam("id") long id) {
        return act(team, environment, () -> described(promotions.reevaluate(viewer.get(), id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/promotions/{id}/confirm")
    public Response confirmPromotion(@PathParam("team") String team, @PathParam("environment") String environment,
                                     @PathParam("id") long id) {
        return act(team, environment, () -> described(promotions.confirm(viewer.get(), id)));
    }

    private static String described(PromotionView promotion) {
        return "Promotion of account " + promotion.account() + ": " + promotion.state() + " (gate: " + promotion.verdict() + ").";
    }

    /** The gate page's form fields as the page names them, for refusals. */
    private static final Map<String, String> FORM_LABELS = Map.of("kind", "Covers", "subject", "Condition metric or control id",
            "reason", "Reason", "expiresOn", "Last day it applies", "account", "Account", "verdict", "Decision");

    /** Runs the action and redirects back to the page with its message, or with what was wrong with the input. */
    private Response act(String team, String environment, Supplier<String> action) {
        String location = "/gate/" + team + "/" + environment;
        try {
            return flash.success(location, action.get());
        } catch (InvalidInputException e) {
            return flash.refused(location, e, FORM_LABELS);
        }
    }
}
