-- The group keys of rows about to be deleted: those of the articles the run re-processed ($ids).
INSERT INTO {model}_keys SELECT DISTINCT {key} FROM {source} WHERE article_id IN (SELECT unnest($ids));
