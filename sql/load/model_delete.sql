-- Removes a model's rows for the groups the run touched; the model then inserts them again from the scope.
DELETE FROM {model} WHERE {target} IN (SELECT {to_target} FROM {model}_keys);
