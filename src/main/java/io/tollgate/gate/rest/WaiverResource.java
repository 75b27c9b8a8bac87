package io.tollgate.gate.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.gate.service.WaiverRequest;
import io.tollgate.gate.service.WaiverService;
import io.tollgate.gate.service.WaiverView;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Waivers as JSON: request one, approve, deny or revoke it, list a team's waivers and those expiring soon. */
@Path("/api/v1/gate/waivers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Promotion gate")
public class WaiverResource {

    @Inject
    WaiverService waivers;

    @Inject
    CurrentViewer viewer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request a waiver for one control or policy condition, with a reason and an expiry date")
    public Response request(WaiverRequest request, UriInfo uri) {
        WaiverView created = waivers.request(viewer.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "A team's waivers, newest first; expiring=true keeps the active ones expiring within 7 days")
    public List<WaiverView> list(@QueryParam("team") String team, @QueryParam("expiring") boolean expiring) {
        return waivers.list(viewer.get(), team, expiring);
    }

    @GET
    @Path("/expiring")
    @Operation(summary = "Active waivers of every team ending within 7 days, soonest first (security admins)")
    public Paged<WaiverView> expiring(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return waivers.expiringSoon(viewer.get(), PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One waiver")
    public WaiverView get(@PathParam("id") long id) {
        return waivers.find(viewer.get(), id);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve a requested waiver (a security admin other than the requester)")
    public WaiverView approve(@PathParam("id") long id) {
        return waivers.approve(viewer.get(), id);
    }

    @POST
    @Path("/{id}/deny")
    @Operation(summary = "Deny a requested waiver (a security admin other than the requester)")
    public WaiverView deny(@PathParam("id") long id) {
        return waivers.deny(viewer.get(), id);
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "End an approved waiver now (a security admin)")
    public WaiverView revoke(@PathParam("id") long id) {
        return waivers.revoke(viewer.get(), id);
    }
}
