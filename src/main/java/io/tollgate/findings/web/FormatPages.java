package io.tollgate.findings.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.findings.parsers.ParserRegistry;
import io.tollgate.findings.parsers.ReportFormat;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** "Supported formats", rendered from the parser registry so that it cannot fall behind the code. */
@Path("/formats")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class FormatPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance formats(List<ReportFormat> formats);
    }

    @Inject
    ParserRegistry parsers;

    @GET
    public TemplateInstance formats() {
        return Templates.formats(parsers.formats());
    }
}
