-- Run once per contacts database as a superuser, after contacts-service's migrations (pg_trgm must be
-- installed), and again after a PostgreSQL major upgrade or a pg_trgm update. Flyway does not run it: the
-- service's own role may not change these settings.
--
-- Why: every table of contacts-service is behind row-level security (FORCE). PostgreSQL applies a query's
-- own conditions before the policy's only when their operator functions are LEAKPROOF (they cannot reveal
-- anything about the rows they reject, e.g. through an error). An index scan applies the query's condition
-- first, so without LEAKPROOF the planner cannot use an index for these conditions and reads every row of
-- the table, checking the policy and then the condition row by row. With it, the trigram, tag, custom field
-- and duplicate-key indexes of the contact table serve searches, filters and the duplicate check.
--
-- Only superusers may set LEAKPROOF. Each function below only compares its two arguments: none raises an
-- error that depends on the row's value (LIKE may reject a malformed pattern, which is the caller's input,
-- not the row's).
alter function public.word_similarity_op(text, text) leakproof;             -- %>  fuzzy search (commuted form)
alter function public.word_similarity_commutator_op(text, text) leakproof;  -- <%  fuzzy search (q=)
alter function pg_catalog.textlike(text, text) leakproof;                   -- LIKE partial e-mail or phone (q=)
alter function pg_catalog.arraycontains(anyarray, anyarray) leakproof;      -- tags @> (tag=)
alter function pg_catalog.arrayoverlap(anyarray, anyarray) leakproof;       -- match_keys && (duplicate check)
alter function pg_catalog.jsonb_contains(jsonb, jsonb) leakproof;           -- custom_fields @> (cf.<key>=)
