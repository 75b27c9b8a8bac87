package io.tollgate.findings.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.findings.parsers.ParserRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/formats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Findings")
public class FormatResource {

    /** A report format Tollgate imports, in detection order. */
    public record FormatView(String id, String name, String howToProduce) {
    }

    @Inject
    ParserRegistry parsers;

    @GET
    public List<FormatView> formats() {
        return parsers.formats().stream().map(f -> new FormatView(f.id(), f.displayName(), f.howToProduce())).toList();
    }
}
