package io.tollgate.training.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.platform.NotFoundException;
import io.tollgate.security.CurrentViewer;
import io.tollgate.security.Viewer;
import io.tollgate.training.catalog.Curriculum;
import io.tollgate.training.catalog.TrainingCatalog;
import io.tollgate.training.service.ItemProgress;
import io.tollgate.training.service.LearnerPlan;
import io.tollgate.training.service.ProgressService;
import io.tollgate.training.service.ProgressService.Certificate;
import io.tollgate.training.service.TrainingItem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Optional;

/** The curricula with the viewer's progress, and the printable certificate of a completed one. */
@Path("/curricula")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CurriculumPages {

    /** A curriculum as the viewer stands with it; {@code assigned} when it is on their plan. */
    public record CurriculumStanding(Curriculum curriculum, int completed, Optional<ItemProgress> assigned) {

        public boolean done() {
            return completed == curriculum.lessons().size();
        }

        public int percent() {
            return completed * 100 / curriculum.lessons().size();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<CurriculumStanding> curricula);

        static native TemplateInstance curriculum(CurriculumStanding standing, LearnerPlan plan);

        static native TemplateInstance certificate(Certificate certificate);
    }

    @Inject
    TrainingCatalog catalog;

    @Inject
    ProgressService progress;

    @Inject
    CurrentViewer viewer;

    @GET
    public TemplateInstance list() {
        LearnerPlan plan = progress.myPlan(viewer.get());
        return Templates.list(catalog.curricula().stream().map(c -> standing(c, plan)).toList());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance curriculum(@PathParam("id") String id) {
        LearnerPlan plan = progress.myPlan(viewer.get());
        Curriculum curriculum = catalog.curriculum(id).orElseThrow(() -> new NotFoundException("Curriculum", id));
        return Templates.curriculum(standing(curriculum, plan), plan);
    }

    /** The viewer's certificate, or with {@code person} that of someone whose progress they may read. */
    @GET
    @Path("/{id}/certificate")
    public TemplateInstance certificate(@PathParam("id") String id, @QueryParam("person") Long person) {
        Viewer me = viewer.get();
        return Templates.certificate(progress.certificate(me, id, person == null ? me.personId() : person));
    }

    private static CurriculumStanding standing(Curriculum curriculum, LearnerPlan plan) {
        int completed = (int) curriculum.lessons().stream().filter(plan.completions()::completed).count();
        return new CurriculumStanding(curriculum, completed, plan.item(TrainingItem.of(curriculum)));
    }
}
