-- Empties a small table that is reloaded whole (manifest tables, derived models).
DELETE FROM {table};
