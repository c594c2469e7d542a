-- Search finds a phrase anywhere in a message, in any script, whatever its case and accents
-- ("platnosc" finds "Płatność"), as SQLite's trigram index does: both sides are folded by
-- search_text() and a trigram index serves the LIKE.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE FUNCTION search_text(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;--> statement-breakpoint
CREATE INDEX messages_search_idx ON messages USING gin (search_text(text) gin_trgm_ops);
