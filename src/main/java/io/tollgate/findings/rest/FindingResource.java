package io.tollgate.findings.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.findings.Finding;
import io.tollgate.findings.FindingStatus;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.findings.rest.FindingViews.EventView;
import io.tollgate.findings.rest.FindingViews.FindingDetailView;
import io.tollgate.findings.rest.FindingViews.FindingList;
import io.tollgate.findings.rest.FindingViews.FindingView;
import io.tollgate.findings.service.FindingQuery;
import io.tollgate.findings.service.FindingService;
import io.tollgate.findings.service.FindingSort;
import io.tollgate.findings.service.LessonLinks;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@Path("/api/v1/findings")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Findings")
public class FindingResource {

    /** A status change by a person: FALSE_POSITIVE with a reason, or OPEN to undo it. */
    public record StatusChange(FindingStatus status, String reason) {
    }

    @Inject
    FindingService findings;

    @Inject
    LessonLinks lessons;

    @Inject
    CurrentViewer viewer;

    @Inject
    Clock clock;

    /**
     * Findings with filters, sorted (severity, newest, oldest, last-seen) and paginated by cursor: pass the
     * {@code nextCursor} of a page to get the next. Without {@code status}, open findings are listed.
     */
    @GET
    public FindingList list(@QueryParam("team") String team, @QueryParam("environment") String environment,
                            @QueryParam("component") String component, @QueryParam("tool") String tool,
                            @QueryParam("severity") List<String> severity, @QueryParam("status") List<String> status,
                            @QueryParam("owasp") String owasp, @QueryParam("cwe") String cwe, @QueryParam("sas") String sas,
                            @QueryParam("practice") String practice, @QueryParam("q") String text,
                            @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
                            @QueryParam("limit") Integer limit) {
        FindingQuery query = query(team, environment, component, tool, severity, status, owasp, cwe, sas, practice, text);
        var page = findings.search(viewer.get(), query, FindingSort.fromParameter(sort), cursor, limit == null ? 50 : limit);
        Instant now = Instant.now(clock);
        return new FindingList(page.items().stream().map(f -> FindingView.of(f, lessons.lessonFor(f), now)).toList(),
                page.nextCursor());
    }

    /** Counts by severity and OWASP category for the same filters. */
    @GET
    @Path("/counts")
    public FindingService.FindingCounts counts(@QueryParam("team") String team, @QueryParam("environment") String environment,
                                               @QueryParam("component") String component, @QueryParam("tool") String tool,
                                               @QueryParam("severity") List<String> severity, @QueryParam("status") List<String> status,
                                               @QueryParam("owasp") String owasp, @QueryParam("cwe") String cwe,
                                               @QueryParam("sas") String sas, @QueryParam("practice") String practice,
                                               @QueryParam("q") String text) {
        return findings.counts(viewer.get(), query(team, environment, component, tool, severity, status, owasp, cwe, sas,
                practice, text));
    }

    @GET
    @Path("/{id}")
    public FindingDetailView get(@PathParam("id") long id) {
        FindingService.FindingDetail detail = findings.detail(viewer.get(), id);
        return detailView(detail.finding(), detail.history().stream().map(EventView::of).toList());
    }

    @POST
    @Path("/{id}/status")
    public FindingDetailView changeStatus(@PathParam("id") long id, StatusChange change) {
        if (change == null || change.status() == null) {
            throw new InvalidInputException("status", "is required");
        }
        findings.changeStatus(viewer.get(), id, change.status(), change.reason());
        return get(id);
    }

    private FindingDetailView detailView(Finding f, List<EventView> history) {
        return new FindingDetailView(FindingView.of(f, lessons.lessonFor(f), Instant.now(clock)), f.description,
                f.remediation, Arrays.asList(f.referenceUrls), Arrays.asList(f.vulnerabilityIds), f.toolIdentity,
                f.secretMasked, f.suppressionReason, f.statusReason, f.statusChangedBy, f.timesReopened, f.fixedAt, history);
    }

    static FindingQuery query(String team, String environment, String component, String tool, List<String> severity,
                              List<String> status, String owasp, String cwe, String sas, String practice, String text) {
        return new FindingQuery(team, environment, component, tool, parse(severity, Severity.class, "severity"),
                parse(status, FindingStatus.class, "status"), owasp, cwe(cwe), sas, practice, text);
    }

    private static Integer cwe(String cwe) {
        if (cwe == null || cwe.isBlank()) {
            return null;
        }
        String digits = cwe.strip().toUpperCase().replaceFirst("^CWE-", "");
        if (!digits.matches("\\d{1,5}")) {
            throw new InvalidInputException("cwe", "must be a CWE id like CWE-79 or 79");
        }
        return Integer.valueOf(digits);
    }

    private static <E extends Enum<E>> Set<E> parse(List<String> values, Class<E> type, String field) {
        Set<E> parsed = EnumSet.noneOf(type);
        if (values == null) {
            return parsed;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    parsed.add(Enum.valueOf(type, part.strip().toUpperCase()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(field, "'" + part.strip() + "' is not one of " + Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        return parsed;
    }
}
