package io.tollgate.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tollgate.org.Person;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
    PendingSignIns pending;

    @Inject
    Sessions sessions;

    @Inject
    CurrentViewer viewer;

    @Inject
    SecurityConfig config;

    @Inject
    HttpHeaders headers;

    @Inject
    HttpServerRequest request;

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

    /**
     * Starts single sign-on: only a form post with the page's CSRF token does (ASVS 7.6.1), so another site cannot
     * sign a browser in with an account of the attacker's. The browser goes on to the code flow with a one-time mark
     * that {@link OidcSignInResource} asks for.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/sso")
    public Response startSingleSignOn() {
        if (!singleSignOn) {
            return Response.status(404).entity(Templates.signIn("", "Single sign-on is not set up.", false)).build();
        }
        return Response.seeOther(URI.create("/signin/oidc")).cookie(cookies.ssoStart()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@RestForm String email, @RestForm String password) {
        try {
            SignInService.Step step = signIn.checkPassword(email, password, client.get());
            return toStage(step.person().id, step.next());
        } catch (SignInRefusedException e) {
            return refused(e, 401, Templates.signIn(email, e.getMessage(), singleSignOn)).build();
        }
    }

    @GET
    @Path("/password")
    public Response changePasswordForm() {
        return peek(SignInStage.CHANGE_PASSWORD)
                .map(personId -> Response.ok(Templates.changePassword(null, config.minPasswordLength(), config.maxPasswordLength())).build())
                .orElseGet(SignInPages::restart);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/password")
    public Response changePassword(@RestForm String password, @RestForm String confirmation) {
        Optional<Long> personId = consume(SignInStage.CHANGE_PASSWORD);
        if (personId.isEmpty()) {
            return restart();
        }
        try {
            SignInService.Step step = signIn.changePassword(personId.get(), password, confirmation);
            return toStage(step.person().id, step.next());
        } catch (SignInRefusedException e) {
            return again(personId.get(), SignInStage.CHANGE_PASSWORD, e, 400,
                    Templates.changePassword(e.getMessage(), config.minPasswordLength(), config.maxPasswordLength()));
        }
    }

    @GET
    @Path("/enroll")
    public Response enrollForm() {
        return peek(SignInStage.ENROLL)
                .map(personId -> Response.ok(Templates.enroll(signIn.enrollment(personId), null)).build())
                .orElseGet(SignInPages::restart);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/enroll")
    public Response enroll(@RestForm String code) {
        Optional<Long> personId = consume(SignInStage.ENROLL);
        if (personId.isEmpty()) {
            return restart();
        }
        try {
            List<String> codes = signIn.confirmEnrollment(personId.get(), code, client.get());
            return signedIn(personId.get(), Response.ok(Templates.recoveryCodes(codes)));
        } catch (SignInRefusedException e) {
            return again(personId.get(), SignInStage.ENROLL, e, 400,
                    Templates.enroll(signIn.enrollment(personId.get()), e.getMessage()));
        }
    }

    @GET
    @Path("/verify")
    public Response verifyForm() {
        return peek(SignInStage.VERIFY)
                .map(personId -> Response.ok(Templates.verify(null)).build())
                .orElseGet(SignInPages::restart);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/verify")
    public Response verify(@RestForm String code) {
        Optional<Long> personId = consume(SignInStage.VERIFY);
        if (personId.isEmpty()) {
            return restart();
        }
        try {
            signIn.verifyCode(personId.get(), code, client.get());
            return signedIn(personId.get(), Response.seeOther(URI.create("/")));
        } catch (SignInRefusedException e) {
            return again(personId.get(), SignInStage.VERIFY, e, 401, Templates.verify(e.getMessage()));
        }
    }

    /** The person of the sign-in cookie at this stage, to show the stage's page. */
    private Optional<Long> peek(SignInStage stage) {
        return cookies.signInToken(headers).flatMap(token -> pending.peek(token, stage));
    }

    /** Uses up the sign-in cookie of a submitted stage: a copy of it is refused from now on. */
    private Optional<Long> consume(SignInStage stage) {
        return cookies.signInToken(headers).flatMap(token -> pending.consume(token, stage));
    }

    /**
     * The stage refused what was submitted: its page again, with a fresh cookie for the next try; a throttled attempt
     * answers 429 with the time to wait.
     */
    private Response again(long personId, SignInStage stage, SignInRefusedException e, int status, TemplateInstance page) {
        return refused(e, status, page).cookie(cookies.signIn(pending.start(personId, stage))).build();
    }

    /** The last stage passed: the session begins and the sign-in cookie goes. */
    private Response signedIn(long personId, Response.ResponseBuilder response) {
        Person person = signIn.complete(personId, client.get());
        String token = sessions.start(person.id, SessionClient.of(request));
        return response.cookie(cookies.session(token), cookies.expired(cookies.signInName())).build();
    }

    private Response toStage(long personId, SignInStage stage) {
        return Response.seeOther(URI.create(stage.page)).cookie(cookies.signIn(pending.start(personId, stage))).build();
    }

    /** The page again with the refusal; a throttled attempt answers 429 with the time to wait. */
    private static Response.ResponseBuilder refused(SignInRefusedException e, int status, TemplateInstance page) {
        if (e instanceof SignInThrottledException throttled) {
            return Response.status(429).header("Retry-After", throttled.retryAfterSeconds()).entity(page);
        }
        return Response.status(status).entity(page);
    }

    private static Response restart() {
        return Response.seeOther(URI.create("/signin")).build();
    }
}
