-- Scorecard benchmark data: 1,000 teams × the 4 environments, 500 findings per team and environment (2,000,000),
-- scans of five kinds, 14 controls on 2 resources each, and 90 days of daily snapshots. Ids start high so that
-- they never meet the ones Tollgate's sequences hand out.
\set ON_ERROR_STOP on
INSERT INTO team (id, slug, name, created_at)
SELECT 1000000 + t, 'bench-' || lpad(t::text, 4, '0'), 'Bench team ' || t, now() FROM generate_series(1, 1000) t;

INSERT INTO component (id, team_id, environment_id, kind, key, name, created_at)
SELECT 1000000 + t * 10 + e.n, 1000000 + t, e.id, 'REPOSITORY', 'github.com/bench/app-' || t, 'app-' || t, now()
FROM generate_series(1, 1000) t CROSS JOIN (SELECT id, row_number() OVER (ORDER BY position) AS n FROM environment) e;

INSERT INTO scan (id, team_id, environment_id, component_id, tool, format, mode, uploaded_by, received_at, outcome)
SELECT 1000000 + c.id * 10 + k.n, c.team_id, c.environment_id, c.id, k.tool, k.tool, 'FULL', 'bench@example.test',
       now() - ((c.id + k.n) % 10) * interval '1 day', 'IMPORTED'
FROM component c CROSS JOIN (VALUES (1, 'semgrep'), (2, 'grype'), (3, 'checkov'), (4, 'gitleaks'), (5, 'prowler')) k(n, tool)
WHERE c.id >= 1000000;

INSERT INTO finding (id, team_id, environment_id, component_id, tool, fingerprint, fingerprint_key, status, severity,
                     title, first_seen_at, first_scan_id, sla_due_at, owasp_category)
SELECT 10000000 + c.id * 1000 + f, c.team_id, c.environment_id, c.id, 'semgrep', md5(c.id::text || '-' || f),
       ('x' || left(md5(c.id::text || '-' || f), 16))::bit(64)::bigint,
       (ARRAY['OPEN', 'OPEN', 'OPEN', 'FIXED', 'FALSE_POSITIVE'])[1 + f % 5],
       (ARRAY['CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'LOW', 'LOW', 'INFO', 'INFO'])[1 + (f * 7 + c.id) % 10],
       'Generated finding ' || f, now() - interval '60 days', 1000000 + c.id * 10 + 1,
       now() + ((f % 60) - 20) * interval '1 day', (ARRAY['A01:2025', 'A02:2025', 'A05:2025', NULL])[1 + f % 4]
FROM component c CROSS JOIN generate_series(1, 500) f WHERE c.id >= 1000000;

-- They were all seen again today. (Tollgate writes a sighting only for a scan after the detection; this data has one
-- semgrep scan per component and points the sighting at it, which the scorecards do not read.)
INSERT INTO finding_sighting (finding_id, last_seen_at, last_scan_id)
SELECT id, now(), first_scan_id FROM finding WHERE id >= 10000000;

INSERT INTO control_evaluation (id, scan_id, team_id, environment_id, component_id, control_id, check_id, resource, passed, evaluated_at)
SELECT 10000000 + (c.id - 1000000) * 100 + ctl.n * 2 + r, 1000000 + c.id * 10 + 5, c.team_id, c.environment_id, c.id,
       ctl.id, ctl.id, 'arn:bench:' || r, (c.id + ctl.n + r) % 4 <> 0, now() - interval '1 day'
FROM component c CROSS JOIN (SELECT row_number() OVER () AS n, id FROM (VALUES ('lambda-policy-not-public'),
       ('function-url-auth-required'), ('api-stage-waf'), ('api-method-authorization'), ('api-stage-throttling'),
       ('one-role-per-function'), ('no-wildcard-actions'), ('xray-tracing-active'), ('lambda-log-retention'),
       ('cloudtrail-enabled'), ('supported-runtimes'), ('no-secrets-in-lambda-env'), ('root-mfa-enabled'),
       ('console-users-mfa')) v(id)) ctl CROSS JOIN generate_series(0, 1) r
WHERE c.id >= 1000000;

INSERT INTO scorecard_snapshot (id, team_id, environment_id, taken_at, cause, score, incomplete, level,
                                vulnerabilities, controls, training, freshness)
SELECT 10000000 + (c.id - 1000000) * 100 + d, c.team_id, c.environment_id, now() - d * interval '1 day', 'DAILY',
       40 + (c.id * 7 + d) % 55, true, (ARRAY[NULL, 'BRONZE', 'SILVER', 'GOLD'])[1 + (c.id + d / 30) % 4],
       50, 60, NULL, 80
FROM component c CROSS JOIN generate_series(0, 89) d WHERE c.id >= 1000000;

ANALYZE;
