-- When Tollgate runs as the role docker/postgres/roles.sql sets up, that role adds rows to the append-only tables
-- but may neither change nor remove them. Default privileges gave it every table the migrations created; take back
-- what an append-only table must not allow. Databases without that role (development, tests) are left as they are.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'tollgate_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, gate_evaluation, gate_break_glass FROM tollgate_app;
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM tollgate_app;
    END IF;
END
$$;
