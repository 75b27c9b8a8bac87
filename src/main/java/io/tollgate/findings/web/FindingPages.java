package io.tollgate.findings.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.findings.Finding;
import io.tollgate.findings.FindingStatus;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.findings.service.FindingQuery;
import io.tollgate.findings.service.FindingService;
import io.tollgate.findings.service.FindingSort;
import io.tollgate.findings.service.LessonLinks;
import io.tollgate.org.Environment;
import io.tollgate.org.Membership;
import io.tollgate.org.Team;
import io.tollgate.org.service.EnvironmentService;
import io.tollgate.org.service.TeamService;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.PageRequest;
import io.tollgate.security.CurrentViewer;
import io.tollgate.security.Viewer;
import io.tollgate.training.catalog.LessonRef;
import io.tollgate.training.catalog.TrainingCatalog;
import io.tollgate.web.Flash;
import io.tollgate.web.FormState;
import io.tollgate.web.Links;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The findings list with filters and counts, and each finding's page. */
@Path("/findings")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class FindingPages {

    /** A row of the list: the finding and the lesson that teaches its fix. */
    public record Row(Finding finding, LessonRef lesson, boolean slaBreached) {
    }

    /** The filters as the form shows them again. */
    public record Filters(String team, String environment, String severity, String status, String owasp, String q,
                          String sort) {
        String query() {
            return "team=" + Links.encode(team) + "&environment=" + Links.encode(environment) + "&severity="
                    + Links.encode(severity) + "&status=" + Links.encode(status) + "&owasp=" + Links.encode(owasp)
                    + "&q=" + Links.encode(q) + "&sort=" + Links.encode(sort);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> rows, FindingService.FindingCounts counts, Filters filters,
                                            String nextPage, List<Team> teams, List<Environment> environments,
                                            Map<String, String> owaspCategories);

        static native TemplateInstance finding(Row row, FindingService.FindingDetail detail, boolean canChangeStatus,
                                               FormState form);
    }

    @Inject
    FindingService findings;

    @Inject
    TeamService teams;

    @Inject
    EnvironmentService environments;

    @Inject
    LessonLinks lessons;

    @Inject
    TrainingCatalog catalog;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @Inject
    Clock clock;

    @GET
    public TemplateInstance list(@QueryParam("team") String team, @QueryParam("environment") String environment,
                                 @QueryParam("severity") String severity, @QueryParam("status") String status,
                                 @QueryParam("owasp") String owasp, @QueryParam("q") String q,
                                 @QueryParam("sort") String sort, @QueryParam("cursor") String cursor) {
        Viewer me = viewer.get();
        Filters filters = new Filters(blank(team), blank(environment), blank(severity), blank(status), blank(owasp), blank(q), blank(sort));
        FindingQuery query = new FindingQuery(filters.team().isEmpty() ? null : filters.team(), filters.environment(), null, null,
                parse(filters.severity(), Severity.class, "severity"), parse(filters.status(), FindingStatus.class, "status"),
                filters.owasp(), null, null, null, filters.q());
        var page = findings.search(me, query, FindingSort.fromParameter(filters.sort()), cursor, 50);
        Instant now = Instant.now(clock);
        List<Row> rows = page.items().stream().map(f -> new Row(f, lessons.lessonFor(f), f.slaBreachedAt(now))).toList();
        String next = page.nextCursor() == null ? null : "/findings?" + filters.query() + "&cursor=" + page.nextCursor();
        return Templates.list(rows, findings.counts(me, query), filters, next,
                teams.visibleTeams(me, PageRequest.of(0, PageRequest.MAX_SIZE)).items(), environments.promotionPath(),
                catalog.owaspCategories());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance finding(@PathParam("id") long id) {
        return page(id, FormState.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/status")
    public Response changeStatus(@PathParam("id") long id, @RestForm String status, @RestForm String reason) {
        try {
            FindingStatus target = status == null ? null : FindingStatus.valueOf(status);
            findings.changeStatus(viewer.get(), id, target, reason);
            return flash.success("/findings/" + id, target == FindingStatus.FALSE_POSITIVE
                    ? "Marked as a false positive." : "Opened again.");
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(page(id, FormState.refused(FormState.fields("reason", reason),
                    new InvalidInputException("status", "must be FALSE_POSITIVE or OPEN")))).build();
        } catch (InvalidInputException e) {
            return Response.status(e.httpStatus()).entity(page(id, FormState.refused(FormState.fields("reason", reason), e))).build();
        }
    }

    private TemplateInstance page(long id, FormState form) {
        Viewer me = viewer.get();
        FindingService.FindingDetail detail = findings.detail(me, id);
        Finding finding = detail.finding();
        boolean canChange = me.isSecurityAdmin() || Membership.isLead(finding.team.id, me.personId());
        return Templates.finding(new Row(finding, lessons.lessonFor(finding), finding.slaBreachedAt(Instant.now(clock))),
                detail, canChange, form);
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }

    private static <E extends Enum<E>> Set<E> parse(String value, Class<E> type, String field) {
        Set<E> values = EnumSet.noneOf(type);
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                try {
                    values.add(Enum.valueOf(type, part.strip().toUpperCase()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(field, "'" + part + "' is not a known value");
                }
            }
        }
        return values;
    }
}
