-- Rows in every table and materialized view of the current database, one "name|rows" line each:
-- run it against the live database and a restored one and compare (docs/operations.md, "Restore").
SELECT c.relname,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text::bigint
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'm')
ORDER BY c.relname;
