package io.tollgate.ci.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.ci.service.CiViews.DeliveryView;
import io.tollgate.ci.service.CiViews.IssuedSecret;
import io.tollgate.ci.service.CiViews.IssuedToken;
import io.tollgate.ci.service.CiViews.SecretView;
import io.tollgate.ci.service.CiViews.TokenView;
import io.tollgate.ci.service.CredentialDrafts.SecretDraft;
import io.tollgate.ci.service.CredentialDrafts.TokenDraft;
import io.tollgate.ci.service.CredentialService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's CI credentials and webhook deliveries. Values of new credentials are in the creation answer only. */
@Path("/api/v1/ci/teams/{team}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "CI")
public class CredentialResource {

    @Inject
    CredentialService credentials;

    @Inject
    CurrentViewer viewer;

    @GET
    @Path("/tokens")
    @Operation(summary = "The team's API tokens, newest first, without their values")
    public Paged<TokenView> tokens(@PathParam("team") String team, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return credentials.tokens(viewer.get(), team, PageRequest.of(page, size));
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API token (a lead or security admin); its value is shown in this answer only")
    public Response createToken(@PathParam("team") String team, TokenDraft draft) {
        IssuedToken issued = credentials.createToken(viewer.get(), team, draft);
        return Response.status(201).entity(issued).build();
    }

    @POST
    @Path("/tokens/{id}/revoke")
    @Operation(summary = "Revoke an API token at once")
    public TokenView revokeToken(@PathParam("team") String team, @PathParam("id") long id) {
        return credentials.revokeToken(viewer.get(), team, id);
    }

    @GET
    @Path("/secrets")
    @Operation(summary = "The team's webhook signing secrets, newest first, without their values")
    public Paged<SecretView> secrets(@PathParam("team") String team, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return credentials.secrets(viewer.get(), team, PageRequest.of(page, size));
    }

    @POST
    @Path("/secrets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a signing secret (rotation: the current ones stay valid for the overlap); shown once")
    public Response createSecret(@PathParam("team") String team, SecretDraft draft) {
        IssuedSecret issued = credentials.createSecret(viewer.get(), team, draft);
        return Response.status(201).entity(issued).build();
    }

    @POST
    @Path("/secrets/{id}/revoke")
    @Operation(summary = "Revoke a signing secret at once")
    public SecretView revokeSecret(@PathParam("team") String team, @PathParam("id") long id) {
        return credentials.revokeSecret(viewer.get(), team, id);
    }

    @GET
    @Path("/deliveries")
    @Operation(summary = "The team's webhook deliveries, newest first, with their outcome")
    public Paged<DeliveryView> deliveries(@PathParam("team") String team, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return credentials.deliveries(viewer.get(), team, PageRequest.of(page, size));
    }
}
