package io.tollgate.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.tollgate.web.Flash;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Duration;
import java.util.List;

/**
 * Your own profile: the sessions you are signed in with, and signing out of one or all of them, which asks for the
 * password or an authenticator code first (a stolen session cannot lock its owner out).
 */
@Path("/profile")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Viewer viewer, List<Sessions.SessionView> sessions, String idleTimeout,
                                               String lifetime);
    }

    @Inject
    CurrentViewer viewer;

    @Inject
    SecurityIdentity identity;

    @Inject
    Sessions sessions;

    @Inject
    SignInService signIn;

    @Inject
    ClientAddress client;

    @Inject
    SessionCookies cookies;

    @Inject
    SecurityConfig config;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance profile() {
        Viewer me = viewer.get();
        return Templates.profile(me, sessions.live(me, currentSession()), words(config.sessionIdleTimeout()),
                words(config.sessionLifetime()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/sessions/{id}/end")
    public Response endOne(@PathParam("id") long id, @RestForm String proof) {
        if (id == currentSession()) {
            return flash.redirect("/profile", Flash.Kind.ERROR, "To end this session, sign out.");
        }
        try {
            signIn.confirmIdentity(viewer.get(), proof, client.get());
        } catch (SignInRefusedException e) {
            return flash.redirect("/profile", Flash.Kind.ERROR, e.getMessage());
        }
        sessions.endOne(viewer.get(), id);
        return flash.success("/profile", "That session is signed out.");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/sessions/end-all")
    public Response endAll(@RestForm String proof) {
        try {
            signIn.confirmIdentity(viewer.get(), proof, client.get());
        } catch (SignInRefusedException e) {
            return flash.redirect("/profile", Flash.Kind.ERROR, e.getMessage());
        }
        sessions.endAll(viewer.get());
        Response redirect = flash.success("/signin", "You are signed out of all sessions.");
        return Response.fromResponse(redirect).cookie(cookies.expired(cookies.sessionName())).build();
    }

    /** E.g. "8 hours", "1 hour 30 minutes". */
    static String words(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        String h = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
        String m = minutes == 0 && hours > 0 ? "" : minutes + (minutes == 1 ? " minute" : " minutes");
        return (h + " " + m).strip();
    }

    private long currentSession() {
        Long id = identity.getAttribute(SessionIdentityProvider.SESSION_ID);
        return id == null ? 0 : id;
    }
}
