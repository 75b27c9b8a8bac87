package io.tollgate.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where Tollgate's text content (lessons, curricula, mapping tables, controls, policies) lives. */
@ConfigMapping(prefix = "tollgate.content")
public interface ContentConfig {

    /** The content folder; relative paths resolve against the working directory. */
    @WithDefault("content")
    String dir();
}
