-- The retention job removes an assessment document's bytes from a pseudonymised case and keeps
-- its row (the case still shows a document was attached); this marks the row so a download can
-- say the file was removed, rather than report a store that lost it.
ALTER TABLE attachment ADD COLUMN removed_at timestamptz(3);
