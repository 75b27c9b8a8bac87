package io.tollgate.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.org.service.PersonService;
import io.tollgate.security.CurrentViewer;
import io.tollgate.security.Viewer;
import io.tollgate.training.service.LearnerPlan;
import io.tollgate.training.service.ProgressService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The first page after sign-in: your training and where to resume it, your teams, and where to go next. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Person person, List<Membership> teams, boolean readsAllTeams,
                                            boolean securityAdmin, LearnerPlan plan);
    }

    @Inject
    PersonService people;

    @Inject
    ProgressService progress;

    @Inject
    CurrentViewer viewer;

    @GET
    public TemplateInstance home() {
        Viewer me = viewer.get();
        return Templates.home(people.get(me, me.personId()), people.memberships(me, me.personId()),
                me.readsAllTeams(), me.isSecurityAdmin(), progress.myPlan(me));
    }
}
