package io.tollgate.gate.web;

import io.quarkus.security.Authenticated;
import io.tollgate.gate.Waiver;
import io.tollgate.gate.service.WaiverRequest;
import io.tollgate.gate.service.WaiverService;
import io.tollgate.gate.service.WaiverView;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.security.CurrentViewer;
import io.tollgate.web.Flash;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Map;

/** The "request a waiver" form of a finding's page: records the request and returns to the finding. */
@Path("/gate/findings/{id}/waivers")
@Authenticated
public class FindingWaiverPages {

    @Inject
    WaiverService waivers;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@PathParam("id") long id, @RestForm String team, @RestForm String reason,
                            @RestForm String expiresOn, @RestForm boolean untilFixed) {
        String location = "/findings/" + id;
        try {
            WaiverView waiver = waivers.request(viewer.get(), new WaiverRequest(team, Waiver.Kind.FINDING,
                    Long.toString(id), reason, expiresOn, untilFixed));
            return flash.success(location, "Waiver " + waiver.id() + " requested; a security admin other than you decides on it.");
        } catch (InvalidInputException e) {
            return flash.refused(location, e, Map.of("subject", "This finding", "reason", "Reason",
                    "expiresOn", "Last day it applies"));
        }
    }
}
