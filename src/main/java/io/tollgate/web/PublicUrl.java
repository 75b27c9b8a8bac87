package io.tollgate.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * Tollgate's address as people and pipelines reach it, from {@code tollgate.public-url}. Absolute URLs (redirects,
 * the CI snippets) are built from it and never from the Host header a request names; without it redirects stay
 * relative and the CI snippets show {@link #PLACEHOLDER}.
 */
@ApplicationScoped
public class PublicUrl {

    /** Stands in for the address in the CI snippets while {@code tollgate.public-url} is not set. */
    public static final String PLACEHOLDER = "https://your-tollgate.example";

    private final Optional<String> origin;

    /**
     * @param publicUrl Tollgate's public address, e.g. https://tollgate.example.com: scheme and host (and port), no
     *                  path. A single key at the top of the tollgate.* settings, which no mapping interface can hold.
     */
    PublicUrl(@ConfigProperty(name = "tollgate.public-url") Optional<URI> publicUrl) {
        this.origin = publicUrl.map(PublicUrl::origin);
    }

    /** The configured origin without a trailing slash, e.g. {@code https://tollgate.example.com}. */
    public Optional<String> origin() {
        return origin;
    }

    /** Where a path of Tollgate's is: absolute from the public URL, or the path itself when none is set. */
    public String of(String path) {
        return origin.map(o -> o + path).orElse(path);
    }

    /** The address for the CI snippets: the public URL, or the placeholder. */
    public String forSnippets() {
        return origin.orElse(PLACEHOLDER);
    }

    private static String origin(URI url) {
        boolean web = "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
        boolean bare = (url.getRawPath() == null || url.getRawPath().isEmpty() || "/".equals(url.getRawPath()))
                && url.getRawQuery() == null && url.getRawFragment() == null && url.getRawUserInfo() == null;
        if (!web || url.getHost() == null || !bare) {
            throw new IllegalArgumentException("tollgate.public-url must be http(s)://host[:port] with no path, query"
                    + " or user, e.g. https://tollgate.example.com; it is " + url);
        }
        return url.getScheme().toLowerCase() + "://" + url.getRawAuthority();
    }
}
