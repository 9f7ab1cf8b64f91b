DROP INDEX "accounts"."users_search_name_trgm";--> statement-breakpoint
DROP INDEX "vet_clinic"."pets_search_name_trgm";--> statement-breakpoint
DROP INDEX "accounts"."owner_profiles_phone_trgm";--> statement-breakpoint
DROP INDEX "accounts"."users_email_trgm";--> statement-breakpoint
DROP INDEX "store"."products_search_trgm";--> statement-breakpoint
CREATE INDEX "users_search_name_gist" ON "accounts"."users" USING gist ("search_name" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "pets_search_name_gist" ON "vet_clinic"."pets" USING gist ("search_name" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "owner_profiles_phone_trgm" ON "accounts"."owner_profiles" USING gin ("phone" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "users_email_trgm" ON "accounts"."users" USING gin (lower("email") gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "products_search_trgm" ON "store"."products" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
-- Hand-written: the sounds-like index (0027) without a pending list too (PGlite has no autovacuum to merge one).
DROP INDEX "store"."products_search_sounds_trgm";--> statement-breakpoint
CREATE INDEX "products_search_sounds_trgm" ON "store"."products" USING gin (core.f_sounds_es("search_text") gin_trgm_ops) WITH (fastupdate=false);
