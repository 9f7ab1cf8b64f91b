-- Spanish spelling folded to how it sounds (qu/c/k, c/z/s, b/v, silent h, ll/y, doubled letters), so
-- pg_trgm's similarity forgives the typos people make by ear: "crokets" is "kroketas" like "croquetas".
-- Applied to already folded text (lower case, no accents). IMMUTABLE, so an index can use it.
CREATE OR REPLACE FUNCTION core.f_sounds_es(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT regexp_replace(translate(regexp_replace(regexp_replace(regexp_replace($1, 'qu([ei])', 'k\1', 'g'), 'c([ei])', 's\1', 'g'), 'll', 'y', 'g'), 'czvh', 'ksb'), '(.)\1+', '\1', 'g') $$;
--> statement-breakpoint
CREATE INDEX "products_search_sounds_trgm" ON "store"."products" USING gin (core.f_sounds_es("search_text") gin_trgm_ops);
