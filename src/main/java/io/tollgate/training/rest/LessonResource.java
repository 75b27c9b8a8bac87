package io.tollgate.training.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import io.tollgate.training.catalog.Classification;
import io.tollgate.training.catalog.TrainingCatalog;
import io.tollgate.training.rest.TrainingViews.AttemptView;
import io.tollgate.training.rest.TrainingViews.LessonSummaryView;
import io.tollgate.training.rest.TrainingViews.LessonView;
import io.tollgate.training.rest.TrainingViews.LookupView;
import io.tollgate.training.service.LessonLookup;
import io.tollgate.training.service.QuizReview;
import io.tollgate.training.service.QuizService;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** Lessons, their lookup by weakness, and quiz submissions. Any signed-in person may read and take every lesson. */
@Path("/api/v1/lessons")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Training")
public class LessonResource {

    /**
     * Answers to a lesson's quiz: per question ({@code q1}, {@code q2}, ...) the numbers of the options picked,
     * and the lesson version they answer (optional; when given it must be the current one).
     */
    public record QuizSubmission(String version, Map<String, List<Integer>> answers) {
    }

    @Inject
    TrainingCatalog catalog;

    @Inject
    LessonLookup lookup;

    @Inject
    QuizService quiz;

    @Inject
    CurrentViewer viewer;

    @GET
    @Operation(summary = "Lessons, optionally of one track or with one tag (A05:2025, SAS-1, CWE-89, clean-tmp)")
    public Paged<LessonSummaryView> list(@QueryParam("track") String track, @QueryParam("tag") String tag,
                                         @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Paged.slice(lookup.search(track, tag), PageRequest.of(page, size)).map(LessonSummaryView::of);
    }

    /**
     * The lesson that teaches a weakness, from exactly one of: a CWE id (resolved through the OWASP Top 10 CWE
     * lists, 2025 and 2021), an OWASP category (A05:2025, or a 2021 id), a Serverless Top 10 id or a practice id.
     */
    @GET
    @Path("/lookup")
    @Operation(summary = "The lesson for a CWE id, OWASP category, SAS id or practice")
    public LookupView lookup(@QueryParam("cwe") String cwe, @QueryParam("owasp") String owasp,
                             @QueryParam("sas") String sas, @QueryParam("practice") String practice) {
        Classification found = lookup.lookup(cwe, owasp, sas, practice);
        return new LookupView(found.owaspCategory(), found.sasId(), found.practice(),
                LessonSummaryView.of(catalog.findLesson(found.lesson().id()).orElseThrow()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A lesson with its body and its quiz, without the answers")
    public LessonView get(@PathParam("id") String id) {
        return LessonView.of(catalog.findLesson(id).orElseThrow(() -> new NotFoundException("Lesson", id)), quiz.passMark());
    }

    @POST
    @Path("/{id}/attempts")
    @Operation(summary = "Submit answers to the lesson's quiz: graded on the server, recorded as an attempt")
    public Response submit(@PathParam("id") String id, QuizSubmission submission, UriInfo uri) {
        QuizSubmission body = submission == null ? new QuizSubmission(null, null) : submission;
        QuizReview review = quiz.submit(viewer.get(), id, body.version(), body.answers());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(review.attempt().id)).build())
                .entity(AttemptView.of(review, quiz.passMark())).build();
    }

    @GET
    @Path("/{id}/attempts")
    @Operation(summary = "The caller's attempts at the lesson's quiz, newest first")
    public List<AttemptView> attempts(@PathParam("id") String id) {
        return quiz.reviews(viewer.get(), id).stream().map(r -> AttemptView.of(r, quiz.passMark())).toList();
    }

    @GET
    @Path("/{id}/attempts/{attempt}")
    @Operation(summary = "One of the caller's attempts, with what it reveals")
    public AttemptView attempt(@PathParam("id") String id, @PathParam("attempt") long attempt) {
        return AttemptView.of(quiz.review(viewer.get(), id, attempt), quiz.passMark());
    }
}
