package io.tollgate.findings.rest;

import io.tollgate.findings.Finding;
import io.tollgate.findings.FindingEvent;
import io.tollgate.findings.FindingStatus;
import io.tollgate.findings.Scan;
import io.tollgate.findings.ScanMode;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.training.catalog.LessonRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of scans and findings. */
public final class FindingViews {

    private FindingViews() {
    }

    public record LessonLink(String id, String title, String href) {
        static LessonLink of(LessonRef lesson) {
            return lesson == null ? null : new LessonLink(lesson.id(), lesson.title(), lesson.path());
        }
    }

    public record FindingView(long id, String team, String environment, String component, String tool, String reportedBy,
                              FindingStatus status, boolean suppressed, Severity severity, String title, String ruleId,
                              List<String> cwe, String owaspCategory, String sasId, String practice, String controlId,
                              String file, Integer line, String resource, String packageName, String packageVersion,
                              String fixedVersion, Instant firstSeenAt, Instant lastSeenAt, Instant slaDueAt,
                              boolean slaBreached, LessonLink lesson) {
        static FindingView of(Finding f, LessonRef lesson, Instant now) {
            return new FindingView(f.id, f.team.slug, f.environment.key, f.component.key, f.tool, f.reportedBy, f.status,
                    f.suppressed, f.severity, f.title, f.ruleId, cwes(f.cweIds), f.owaspCategory, f.sasId, f.practice,
                    f.controlId, f.filePath, f.line, f.resource, f.packageName, f.packageVersion, f.fixedVersion,
                    f.firstSeenAt, f.lastSeenAt(), f.slaDueAt, f.slaBreachedAt(now), LessonLink.of(lesson));
        }
    }

    public record EventView(Instant at, FindingEvent.Kind kind, Long scanId, String actor, String detail) {
        static EventView of(FindingEvent e) {
            return new EventView(e.occurredAt, e.kind, e.scanId, e.actor, e.detail);
        }
    }

    public record FindingDetailView(FindingView finding, String description, String remediation, List<String> references,
                                    List<String> vulnerabilityIds, String toolIdentity, String maskedSecret,
                                    String suppressionReason, String statusReason, String statusChangedBy,
                                    int timesReopened, Instant fixedAt, List<EventView> history) {
    }

    public record FindingList(List<FindingView> items, String nextCursor) {
    }

    public record ScanView(long id, String team, String environment, String component, String tool, String format,
                           ScanMode mode, Scan.Outcome outcome, String errorPosition, String errorReason, String commit,
                           String branch, String pipelineUrl, String fileName, String uploadedBy, Instant receivedAt,
                           Long bytes, Long durationMs, int records, int newCount, int reopened, int fixed,
                           int unchanged, int suppressed, int passedChecks, Map<Severity, Integer> openBySeverity) {
        static ScanView of(Scan s) {
            return new ScanView(s.id, s.team.slug, s.environment.key, s.component == null ? null : s.component.key, s.tool,
                    s.format, s.mode, s.outcome, s.errorPosition, s.errorReason, s.commitSha, s.branch, s.pipelineUrl,
                    s.fileName, s.uploadedBy, s.receivedAt, s.bytes, s.durationMs, s.records, s.newCount, s.reopenedCount,
                    s.fixedCount, s.unchangedCount, s.suppressedCount, s.passedChecks,
                    Map.of(Severity.CRITICAL, s.openCritical, Severity.HIGH, s.openHigh, Severity.MEDIUM, s.openMedium,
                            Severity.LOW, s.openLow, Severity.INFO, s.openInfo));
        }
    }

    static List<String> cwes(Integer[] ids) {
        return ids == null ? List.of() : java.util.Arrays.stream(ids).map(id -> "CWE-" + id).toList();
    }
}
