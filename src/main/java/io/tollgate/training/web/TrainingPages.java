package io.tollgate.training.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.org.Team;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import io.tollgate.security.Viewer;
import io.tollgate.training.Assignment;
import io.tollgate.training.catalog.Curriculum;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.TrainingCatalog;
import io.tollgate.training.service.AssignmentDraft;
import io.tollgate.training.service.AssignmentService;
import io.tollgate.training.service.LearnerPlan;
import io.tollgate.training.service.ProgressService;
import io.tollgate.training.service.ProgressService.OverdueItem;
import io.tollgate.training.service.ProgressService.TeamProgress;
import io.tollgate.training.service.ProgressService.TeamSummary;
import io.tollgate.training.service.TrainingAccess;
import io.tollgate.training.service.TrainingItem;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Training as leads and managers follow it: completion by team and by person, a person's plan, the overdue list,
 * and assigning curricula and lessons.
 */
@Path("/training")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TrainingPages {

    /** An assignment with the curriculum or lesson it names; {@code item} is empty once removed from the content. */
    public record AssignmentRow(Assignment assignment, TrainingItem item) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance teams(Paged<TeamSummary> teams);

        static native TemplateInstance team(TeamProgress progress, List<AssignmentRow> assignments,
                                            List<Curriculum> curricula, List<Lesson> lessons, FormState form);

        static native TemplateInstance person(LearnerPlan plan, List<AssignmentRow> assignments, boolean self);

        static native TemplateInstance overdue(Paged<OverdueItem> overdue, List<Team> teams, String team, String pagerBase);
    }

    @Inject
    ProgressService progress;

    @Inject
    AssignmentService assignments;

    @Inject
    TrainingAccess access;

    @Inject
    TrainingCatalog catalog;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance teams(@QueryParam("page") Integer page) {
        return Templates.teams(progress.teams(viewer.get(), PageRequest.of(page, null)));
    }

    @GET
    @Path("/teams/{slug}")
    public TemplateInstance team(@PathParam("slug") String slug) {
        return teamPage(slug, FormState.of(Map.of("mandatory", "true")));
    }

    /** Assigns to the whole team, or to one member when {@code person} names them. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/teams/{slug}/assignments")
    public Response assign(@PathParam("slug") String slug, @RestForm String curriculum, @RestForm String lesson,
                           @RestForm String person, @RestForm String dueOn, @RestForm String mandatory) {
        Map<String, String> typed = FormState.fields("curriculum", curriculum, "lesson", lesson, "person", person,
                "dueOn", dueOn, "mandatory", mandatory);
        try {
            boolean toTeam = person == null || person.isBlank();
            Assignment created = assignments.create(viewer.get(), new AssignmentDraft(curriculum, lesson,
                    toTeam ? slug : null, toTeam ? null : person, date(dueOn), "true".equals(mandatory)));
            return flash.success("/training/teams/" + slug, "Assigned, due " + created.dueOn + ".");
        } catch (InvalidInputException e) {
            return Response.status(e.httpStatus()).entity(teamPage(slug, FormState.refused(typed, e))).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/assignments/{id}/remove")
    public Response remove(@PathParam("id") long id) {
        Assignment removed = assignments.remove(viewer.get(), id);
        String back = removed.team != null ? "/training/teams/" + removed.team.slug : "/training/people/" + removed.person.id;
        return flash.success(back, "Assignment withdrawn.");
    }

    @GET
    @Path("/people/{id}")
    public TemplateInstance person(@PathParam("id") long id) {
        Viewer me = viewer.get();
        LearnerPlan plan = progress.plan(me, id);
        return Templates.person(plan, rows(assignments.list(me, null, id, PageRequest.of(0, PageRequest.MAX_SIZE)).items()),
                me.personId() == id);
    }

    @GET
    @Path("/overdue")
    public TemplateInstance overdue(@QueryParam("team") String team, @QueryParam("page") Integer page) {
        Viewer me = viewer.get();
        String selected = team == null ? "" : team.strip();
        return Templates.overdue(progress.overdue(me, selected, PageRequest.of(page, 50)), access.managedTeams(me), selected,
                "/training/overdue?team=" + Links.encode(selected) + "&");
    }

    private TemplateInstance teamPage(String slug, FormState form) {
        Viewer me = viewer.get();
        TeamProgress team = progress.team(me, slug);
        List<Assignment> ofTeam = assignments.list(me, slug, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        return Templates.team(team, rows(ofTeam), catalog.curricula(), catalog.lessons(), form);
    }

    private List<AssignmentRow> rows(List<Assignment> list) {
        return list.stream().map(a -> new AssignmentRow(a, TrainingItem.resolve(catalog, a.curriculumId, a.lessonId)
                .orElse(null))).toList();
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("dueOn", "must be a date like 2026-05-31");
        }
    }
}
