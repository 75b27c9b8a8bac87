package io.tollgate.training.catalog;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/**
 * Renders lesson Markdown (CommonMark with tables) to HTML that is safe to put on a page: raw HTML in the source
 * is escaped and shown as text, links and images keep only http, https and mailto URLs (relative ones too), and
 * links leave no referrer.
 */
final class LessonMarkdown {

    private final Parser parser;
    private final HtmlRenderer renderer;

    LessonMarkdown() {
        List<Extension> extensions = List.of(TablesExtension.create());
        parser = Parser.builder().extensions(extensions).build();
        renderer = HtmlRenderer.builder().extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Link) {
                        attributes.put("rel", "nofollow noopener noreferrer");
                    }
                })
                .build();
    }

    RenderedMarkdown render(String markdown) {
        return new RenderedMarkdown(renderer.render(parser.parse(markdown)));
    }
}
