package io.tollgate.security;

import io.tollgate.web.Flash;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Ends the session in this browser. */
@Path("/signout")
public class SignOutResource {

    @Inject
    SessionCookies cookies;

    @Inject
    Flash flash;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        Response redirect = flash.success("/signin", "You are signed out.");
        return Response.fromResponse(redirect).cookie(cookies.expired(SessionCookies.SESSION)).build();
    }
}
