package io.tollgate.training.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.security.CurrentViewer;
import io.tollgate.security.Viewer;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.Track;
import io.tollgate.training.catalog.TrainingCatalog;
import io.tollgate.training.service.ItemProgress;
import io.tollgate.training.service.LearnerPlan;
import io.tollgate.training.service.ProgressService;
import io.tollgate.training.service.QuizReview;
import io.tollgate.training.service.QuizService;
import io.tollgate.training.service.QuizService.Standing;
import io.tollgate.web.Flash;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The lesson catalogue, each lesson's page with its quiz, and the result of an attempt. */
@Path("/lessons")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class LessonPages {

    /** The lessons of one track. */
    public record TrackLessons(Track track, List<Lesson> lessons) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<TrackLessons> tracks, LearnerPlan plan);

        static native TemplateInstance lesson(Lesson lesson, Standing standing, List<ItemProgress> partOf, QuizForm quiz);

        static native TemplateInstance attempt(QuizReview review, Standing standing, Optional<ItemProgress> resume);
    }

    @Inject
    TrainingCatalog catalog;

    @Inject
    QuizService quiz;

    @Inject
    ProgressService progress;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list() {
        List<TrackLessons> tracks = Stream.of(Track.values())
                .map(t -> new TrackLessons(t, catalog.lessons().stream().filter(l -> l.track() == t).toList())).toList();
        return Templates.list(tracks, progress.myPlan(viewer.get()));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance lesson(@PathParam("id") String id) {
        return page(id, QuizForm.empty());
    }

    /** Grades the quiz and shows the result on its own page (Post/Redirect/Get). */
    @POST
    @Path("/{id}/quiz")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        QuizForm answers = QuizForm.empty();
        try {
            answers = QuizForm.read(form);
            QuizReview review = quiz.submit(viewer.get(), id, form.getFirst("version"), answers.answers());
            String location = "/lessons/" + id + "/attempts/" + review.attempt().id;
            return review.attempt().passed
                    ? flash.success(location, "Passed with " + review.attempt().score + "%: lesson completed.")
                    : flash.redirect(location, Flash.Kind.ERROR, "Not passed yet: " + review.attempt().score + "%.");
        } catch (InvalidInputException e) {
            return Response.status(e.httpStatus()).entity(page(id, answers.refused(e))).build();
        }
    }

    @GET
    @Path("/{id}/attempts/{attempt}")
    public TemplateInstance attempt(@PathParam("id") String id, @PathParam("attempt") long attempt) {
        Viewer me = viewer.get();
        return Templates.attempt(quiz.review(me, id, attempt), quiz.standing(me, id), progress.myPlan(me).resume());
    }

    private TemplateInstance page(String id, QuizForm form) {
        Viewer me = viewer.get();
        Standing standing = quiz.standing(me, id);
        List<ItemProgress> partOf = progress.myPlan(me).items().stream()
                .filter(i -> i.item().lessons().contains(standing.lesson())).toList();
        return Templates.lesson(standing.lesson(), standing, partOf, form);
    }
}
