package io.tollgate.aws.collector;

import io.tollgate.platform.ContentConfig;
import io.tollgate.platform.ContentException;
import io.tollgate.platform.TabularContent;
import io.tollgate.platform.TabularContent.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Lambda runtimes and their deprecation dates, read from content/lambda-runtimes.tsv. */
@ApplicationScoped
public class Runtimes {

    private final Map<String, LocalDate> deprecated = new HashMap<>();

    Runtimes(ContentConfig config) {
        Path file = Path.of(config.dir(), "lambda-runtimes.tsv");
        for (Row row : TabularContent.read(file, "runtime", "deprecated")) {
            try {
                deprecated.put(row.get("runtime"), LocalDate.parse(row.get("deprecated")));
            } catch (DateTimeParseException e) {
                throw new ContentException(file, row.line(), "'" + row.get("deprecated") + "' is not a date (yyyy-mm-dd)");
            }
        }
    }

    /** The date the runtime was deprecated, when that date is not after today. */
    public Optional<LocalDate> deprecatedBy(String runtime, LocalDate today) {
        return Optional.ofNullable(deprecated.get(runtime)).filter(date -> !date.isAfter(today));
    }
}
