package io.tollgate.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tollgate.org.Person;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The sign-in pages: password, forced password change, authenticator enrolment, code. */
@Path("/signin")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String email, String error, boolean singleSignOn);

        static native TemplateInstance changePassword(String error, int minLength, int maxLength);

        static native TemplateInstance enroll(SignInService.Enrollment enrollment, String error);

        static native TemplateInstance recoveryCodes(List<String> codes);

        static native TemplateInstance verify(String error);
    }

    @Inject
    SignInService signIn;

    @Inject
    SessionCookies cookies;

    @Inject
    CurrentViewer viewer;

    @Inject
    SecurityConfig config;

    @Inject
    ClientAddress client;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled")
    boolean singleSignOn;

    @GET
    public Response form() {
        if (viewer.find().isPresent()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(Templates.signIn("", null, singleSignOn)).build();
    }

    @POST
    public Response password(@RestForm String email, @RestForm String password) {
        try {
            SignInService.Step step = signIn.checkPassword(email, password, client.get());
            return toStage(step.person(), step.next());
        } catch (SignInRefusedException e) {
            return refused(e, 401, Templates.signIn(email, e.getMessage(), singleSignOn));
        }
    }

    @GET
    @Path("/password")
    public Response changePasswordForm(@CookieParam(SessionCookies.SIGN_IN) String pending) {
        return pending(pending, SignInStage.CHANGE_PASSWORD)
                .map(c -> Response.ok(Templates.changePassword(null, config.minPasswordLength(), config.maxPasswordLength())).build())
                .orElseGet(SignInPages::restart);
    }

    @POST
    @Path("/password")
    public Response changePassword(@CookieParam(SessionCookies.SIGN_IN) String pending,
                                   @RestForm String password, @RestForm String confirmation) {
        Optional<SessionCodec.Claims> claims = pending(pending, SignInStage.CHANGE_PASSWORD);
        if (claims.isEmpty()) {
            return restart();
        }
        try {
            SignInService.Step step = signIn.changePassword(claims.get().personId(), password, confirmation);
            return toStage(step.person(), step.next());
        } catch (SignInRefusedException e) {
            return Response.status(400).entity(Templates.changePassword(e.getMessage(), config.minPasswordLength(), config.maxPasswordLength())).build();
        }
    }

    @GET
    @Path("/enroll")
    public Response enrollForm(@CookieParam(SessionCookies.SIGN_IN) String pending) {
        Optional<SessionCodec.Claims> claims = pending(pending, SignInStage.ENROLL);
        if (claims.isEmpty()) {
            return restart();
        }
        return Response.ok(Templates.enroll(signIn.enrollment(claims.get().personId()), null)).build();
    }

    @POST
    @Path("/enroll")
    public Response enroll(@CookieParam(SessionCookies.SIGN_IN) String pending, @RestForm String code) {
        Optional<SessionCodec.Claims> claims = pending(pending, SignInStage.ENROLL);
        if (claims.isEmpty()) {
            return restart();
        }
        long personId = claims.get().personId();
        try {
            List<String> codes = signIn.confirmEnrollment(personId, code, client.get());
            Person person = signIn.complete(personId, client.get());
            return Response.ok(Templates.recoveryCodes(codes))
                    .cookie(cookies.session(person), cookies.expired(SessionCookies.SIGN_IN)).build();
        } catch (SignInRefusedException e) {
            return refused(e, 400, Templates.enroll(signIn.enrollment(personId), e.getMessage()));
        }
    }

    @GET
    @Path("/verify")
    public Response verifyForm(@CookieParam(SessionCookies.SIGN_IN) String pending) {
        return pending(pending, SignInStage.VERIFY)
                .map(c -> Response.ok(Templates.verify(null)).build())
                .orElseGet(SignInPages::restart);
    }

    @POST
    @Path("/verify")
    public Response verify(@CookieParam(SessionCookies.SIGN_IN) String pending, @RestForm String code) {
        Optional<SessionCodec.Claims> claims = pending(pending, SignInStage.VERIFY);
        if (claims.isEmpty()) {
            return restart();
        }
        try {
            signIn.verifyCode(claims.get().personId(), code, client.get());
            Person person = signIn.complete(claims.get().personId(), client.get());
            return Response.seeOther(URI.create("/"))
                    .cookie(cookies.session(person), cookies.expired(SessionCookies.SIGN_IN)).build();
        } catch (SignInRefusedException e) {
            return refused(e, 401, Templates.verify(e.getMessage()));
        }
    }

    private Optional<SessionCodec.Claims> pending(String cookie, SignInStage stage) {
        return cookies.openSignIn(cookie, stage);
    }

    private Response toStage(Person person, SignInStage stage) {
        return Response.seeOther(URI.create(stage.page)).cookie(cookies.signIn(person, stage)).build();
    }

    /** The page again with the refusal; a throttled attempt answers 429 with the time to wait. */
    private static Response refused(SignInRefusedException e, int status, TemplateInstance page) {
        if (e instanceof SignInThrottledException throttled) {
            return Response.status(429).header("Retry-After", throttled.retryAfterSeconds()).entity(page).build();
        }
        return Response.status(status).entity(page).build();
    }

    private static Response restart() {
        return Response.seeOther(URI.create("/signin")).build();
    }
}
