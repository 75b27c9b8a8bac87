package io.tollgate.platform;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** A logged value cannot start a new log line. */
class LogInjectionFilterTest {

    @Test
    void lineBreaksInLoggedValuesAreEscapedButTheTemplateKeepsItsOwn() {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "Unexpected failure on %s%n  next: %s",
                ExtLogRecord.FormatStyle.PRINTF, LogInjectionFilterTest.class.getName());
        record.setParameters(new Object[]{"/x\r\n2026-12-07 INFO [io.tollgate] admin signed in\u2028\u0000", 42});

        assertThat(new LogInjectionFilter().isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage())
                .isEqualTo("Unexpected failure on /x\\u000d\\u000a2026-12-07 INFO [io.tollgate] admin signed in\\u2028\\u0000"
                        + System.lineSeparator() + "  next: 42");
    }

    @Test
    void theConsoleLogUsesTheFilter() throws Exception {
        java.util.Properties properties = new java.util.Properties();
        try (var in = LogInjectionFilterTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("quarkus.log.console.filter")).isEqualTo(LogInjectionFilter.NAME);
    }
}
