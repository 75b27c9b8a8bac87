package io.tollgate.training.catalog;

/**
 * HTML that Tollgate's Markdown renderer made from lesson text, with any raw HTML of the source escaped and link
 * URLs sanitized. Templates may print it unescaped; nothing else may be wrapped in this type.
 */
public record RenderedMarkdown(String html) {
}
