-- The group keys of the rows the run inserts ($files: its Parquet parts of the model's source table).
INSERT INTO {model}_keys SELECT DISTINCT {key} FROM read_parquet($files);
