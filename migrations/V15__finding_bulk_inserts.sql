-- A first import inserts every finding of a report, by the hundred thousand, and PostgreSQL checks a foreign key
-- once per inserted row (a quarter of the insert's time, measured in docs/performance.md). A finding is only ever
-- written by an import, whose scan row references the same component: that one check holds the component (a
-- key-share lock) until the import commits, so a component cannot disappear under its findings. Removing a
-- component removes its findings through a statement-level trigger instead of the per-row foreign key.
ALTER TABLE finding DROP CONSTRAINT finding_component_id_fkey;

CREATE FUNCTION component_findings_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM finding f USING deleted d WHERE f.component_id = d.id;
    RETURN NULL;
END $$;

CREATE TRIGGER component_deleted AFTER DELETE ON component
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION component_findings_forget();

-- The findings list filters on the OWASP category together with a team (finding_team_env_status), or across all
-- teams for a manager, where one category of ten matches too many findings for an index on it to pay. The index
-- only slowed every import down.
DROP INDEX finding_owasp;
