-- Imports look a finding up by its component, tool and fingerprint, and a first import inserts that index's entries
-- by the hundred thousand. The fingerprint is 64 hexadecimal digits of SHA-256, and the index held it as text after
-- the tool's name: every comparison walked two variable-length values. The index now leads with the fingerprint's
-- first 64 bits as a number; the tool is compared only when those agree, and the full fingerprint is checked on
-- the row. Two fingerprints of one component and tool sharing their first 64 bits would have their second import
-- refused by the unique index, never merged into one finding.
ALTER TABLE finding ADD COLUMN fingerprint_key BIGINT;
UPDATE finding SET fingerprint_key = ('x' || left(fingerprint, 16))::bit(64)::bigint;
ALTER TABLE finding ALTER COLUMN fingerprint_key SET NOT NULL;
ALTER TABLE finding DROP CONSTRAINT finding_component_id_tool_fingerprint_key;
ALTER TABLE finding ADD CONSTRAINT finding_identity UNIQUE (component_id, fingerprint_key, tool);

-- A finding's sighting row now records only a scan after the one that detected it: until a later scan reports it,
-- it was last seen when it was first seen (first_seen_at, first_scan_id). A first import wrote a sighting for each
-- of its findings through a trigger that kept every inserted row aside for the statement's end; it writes none now.
DROP TRIGGER finding_inserted ON finding;
DROP FUNCTION finding_sighting_first();
DELETE FROM finding_sighting s USING finding f
WHERE s.finding_id = f.id AND s.last_scan_id = f.first_scan_id;
