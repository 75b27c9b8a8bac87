package io.tollgate.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.org.Person;
import io.tollgate.web.Flash;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A signed-in person changes their own password with the current one and an authenticator code. Their other
 * sessions end; this browser gets a fresh session.
 */
@Path("/profile/password")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PasswordPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String error, int minLength, int maxLength);
    }

    @Inject
    SignInService signIn;

    @Inject
    CurrentViewer viewer;

    @Inject
    SessionCookies cookies;

    @Inject
    Sessions sessions;

    @Inject
    HttpServerRequest request;

    @Inject
    ClientAddress client;

    @Inject
    SecurityConfig config;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance form() {
        return page(null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestForm String currentPassword, @RestForm String code, @RestForm String password,
                           @RestForm String confirmation) {
        try {
            Person person = signIn.changeOwnPassword(viewer.get(),
                    new SignInService.OwnPasswordChange(currentPassword, code, password, confirmation), client.get());
            Response redirect = flash.success("/profile/password",
                    "Your password is changed. Your other sessions are signed out.");
            // The new password raised the session epoch, which ended every session of the person, this one too.
            String token = sessions.start(person.id, SessionClient.of(request));
            return Response.fromResponse(redirect).cookie(cookies.session(token)).build();
        } catch (SignInThrottledException e) {
            return Response.status(429).header("Retry-After", e.retryAfterSeconds()).entity(page(e.getMessage())).build();
        } catch (SignInRefusedException e) {
            return Response.status(400).entity(page(e.getMessage())).build();
        }
    }

    private TemplateInstance page(String error) {
        return Templates.form(error, config.minPasswordLength(), config.maxPasswordLength());
    }
}
