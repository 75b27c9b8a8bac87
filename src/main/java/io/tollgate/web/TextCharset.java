package io.tollgate.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every text response names its charset, so that no browser guesses one (and reads markup into a page written in
 * another encoding). Tollgate writes all text in UTF-8: pages, error pages, CSV exports, the sign-in pages and the
 * CI files served at /ci/. Text files whose type the static handler does not know get one. JSON carries no charset
 * parameter: it is UTF-8 by definition (RFC 8259) and its media types define none.
 */
@ApplicationScoped
public class TextCharset {

    static final String CHARSET = ";charset=UTF-8";
    /** Text types outside text/*. */
    private static final Set<String> TEXT_APPLICATION_TYPES = Set.of("application/xml", "application/x-sh",
            "application/yaml", "application/javascript");
    /** Files served as they are whose type the static handler does not know. */
    private static final Map<String, String> UNTYPED_FILES = Map.of(".md", "text/markdown", ".yml", "application/yaml",
            ".yaml", "application/yaml");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(TextCharset::onHeadersEnd);
    }

    private static void onHeadersEnd(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = context.response();
            String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
            if (type == null && response.getStatusCode() == 200) {
                type = untypedFile(context.normalizedPath());
            }
            if (type != null && isText(type) && !type.toLowerCase(Locale.ROOT).contains("charset=")) {
                response.headers().set(HttpHeaders.CONTENT_TYPE, type + CHARSET);
            }
        });
        context.next();
    }

    static boolean isText(String type) {
        String base = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.startsWith("text/") || base.endsWith("+xml") || TEXT_APPLICATION_TYPES.contains(base);
    }

    private static String untypedFile(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : UNTYPED_FILES.get(path.substring(dot).toLowerCase(Locale.ROOT));
    }
}
