-- The keys of a model's groups a run touches ({model}_keys, a temporary table): one row per key.
CREATE OR REPLACE TEMP TABLE {model}_keys (k VARCHAR);
