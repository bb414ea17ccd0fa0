-- Drops a reference table so that it is reloaded from its (possibly edited) CSV.
DROP TABLE IF EXISTS {table};
