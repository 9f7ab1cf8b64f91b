-- unaccent() is only STABLE, so it cannot back an index; this wrapper names its dictionary and is
-- IMMUTABLE, which lets accent-insensitive searches ("martinez" finds "Martínez") use trigram indexes.
CREATE OR REPLACE FUNCTION core.f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
