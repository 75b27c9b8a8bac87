package io.tollgate.security;

import io.tollgate.web.Flash;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Ends this session on the server, so that a copy of its cookie is dead too, and drops the cookie. */
@Path("/signout")
public class SignOutResource {

    @Inject
    SessionCookies cookies;

    @Inject
    Sessions sessions;

    @Inject
    HttpHeaders headers;

    @Inject
    Flash flash;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        cookies.sessionToken(headers).ifPresent(sessions::end);
        Response redirect = flash.success("/signin", "You are signed out.");
        return Response.fromResponse(redirect).cookie(cookies.expired(cookies.sessionName())).build();
    }
}
