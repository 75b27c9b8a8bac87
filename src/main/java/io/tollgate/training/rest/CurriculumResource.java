package io.tollgate.training.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.training.catalog.TrainingCatalog;
import io.tollgate.training.rest.TrainingViews.CurriculumView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The curricula of content/curricula, open to every signed-in person. */
@Path("/api/v1/curricula")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Training")
public class CurriculumResource {

    @Inject
    TrainingCatalog catalog;

    @GET
    @Operation(summary = "The curricula, required ones first, each with its lessons in order")
    public Paged<CurriculumView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Paged.slice(catalog.curricula(), PageRequest.of(page, size)).map(CurriculumView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One curriculum with its lessons in order")
    public CurriculumView get(@PathParam("id") String id) {
        return CurriculumView.of(catalog.curriculum(id).orElseThrow(() -> new NotFoundException("Curriculum", id)));
    }
}
