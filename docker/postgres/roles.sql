-- Two database roles for Tollgate in production (docs/operations.md, "Database users"):
--   tollgate_owner  owns the schema; only the migrations (Flyway) connect as it.
--   tollgate_app    the running application: the data it reads and writes, nothing else. It cannot change the schema,
--                   drop the triggers that keep the audit log and gate decisions append-only, or update or delete
--                   their rows.
-- Run as a database administrator (a superuser, or on RDS a member of tollgate_owner) on Tollgate's database, before
-- the first start; running it again changes nothing. Give each role its password (or IAM or vault
-- authentication) outside this file, e.g. \password tollgate_app in psql.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tollgate_owner') THEN
        CREATE ROLE tollgate_owner LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tollgate_app') THEN
        CREATE ROLE tollgate_app LOGIN NOINHERIT;
    END IF;
END
$$;

-- The migrations create objects in the public schema as tollgate_owner; nobody else may.
GRANT USAGE, CREATE ON SCHEMA public TO tollgate_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO tollgate_app;
-- Imports stage rows in temporary tables.
DO $$
BEGIN
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO tollgate_app', current_database());
END
$$;

-- Reads and writes on the tables and sequences there are now, and on those later migrations add.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tollgate_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO tollgate_app;
ALTER DEFAULT PRIVILEGES FOR ROLE tollgate_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tollgate_app;
ALTER DEFAULT PRIVILEGES FOR ROLE tollgate_owner IN SCHEMA public
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO tollgate_app;

-- Append-only: rows are added, never changed or removed (the triggers refuse it too, but the owner could drop them).
-- Migration V22 does the same when it runs after this file; the tables exist only once the migrations have run.
-- The migration history is the owner's.
DO $$
DECLARE
    append_only TEXT;
BEGIN
    FOREACH append_only IN ARRAY ARRAY['audit_event', 'gate_evaluation', 'gate_break_glass'] LOOP
        IF to_regclass(append_only) IS NOT NULL THEN
            EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM tollgate_app', append_only);
        END IF;
    END LOOP;
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM tollgate_app;
    END IF;
END
$$;
