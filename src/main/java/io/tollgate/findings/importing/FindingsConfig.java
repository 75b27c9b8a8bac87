package io.tollgate.findings.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tollgate.findings.parsers.Severity;

import java.time.Duration;
import java.util.Optional;

/** Import limits and the remediation SLA. */
@ConfigMapping(prefix = "tollgate.findings")
public interface FindingsConfig {

    /** Largest report accepted, after decompression, in bytes. */
    @WithDefault("2147483648")
    long maxReportBytes();

    /** Largest upload accepted as sent, in bytes: a gzipped report counts compressed. */
    @WithDefault("2147483648")
    long maxWireBytes();

    /**
     * How many times its compressed size a gzipped report may grow when decompressed; reports compress about ten
     * times, a gzip bomb a thousand. Checked while decompressing, once the report passes its first MiB.
     */
    @WithDefault("100")
    int maxDecompressionRatio();

    /**
     * Most findings one report may hold (passed checks not counted): an import keeps 16 bytes per finding to count
     * repeated ones once, so the default fits a 512 MB heap with room to spare.
     */
    @WithDefault("4000000")
    long maxFindingsPerReport();

    /** How long one import may take before it is rolled back; large reports need minutes. */
    @WithDefault("30m")
    Duration importTimeout();

    /**
     * Findings merged into the database per chunk while the next chunk is parsed: large enough that statements are
     * few, small enough that parsing and merging overlap. At most four chunks are held in memory at once.
     */
    @WithDefault("10000")
    int importChunkRows();

    /** Days to fix a finding, counted from first seen, by severity; INFO has no SLA unless set. */
    Sla sla();

    interface Sla {
        @WithDefault("7")
        int critical();

        @WithDefault("30")
        int high();

        @WithDefault("90")
        int medium();

        @WithDefault("180")
        int low();

        Optional<Integer> info();

        default Optional<Integer> days(Severity severity) {
            return switch (severity) {
                case CRITICAL -> Optional.of(critical());
                case HIGH -> Optional.of(high());
                case MEDIUM -> Optional.of(medium());
                case LOW -> Optional.of(low());
                case INFO -> info();
            };
        }
    }
}
