-- A first import copies its findings straight into the table (COPY has no RETURNING): the database gives each new
-- finding its id and its first sighting, the detection itself, whatever statement inserts it.
ALTER TABLE finding ALTER COLUMN id SET DEFAULT nextval('finding_seq');

CREATE FUNCTION finding_sighting_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO finding_sighting (finding_id, last_seen_at, last_scan_id)
    SELECT id, first_seen_at, first_scan_id FROM inserted;
    RETURN NULL;
END $$;

CREATE TRIGGER finding_inserted AFTER INSERT ON finding
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION finding_sighting_first();
