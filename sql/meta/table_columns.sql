-- The columns of one table with their nullability, in declared order (used to derive Arrow schemas).
SELECT column_name, is_nullable = 'YES' AS nullable
FROM information_schema.columns
WHERE table_name = $table
ORDER BY ordinal_position;
