DROP INDEX "accounts"."owner_profiles_phone_idx";--> statement-breakpoint
DROP INDEX "accounts"."users_name_trgm";--> statement-breakpoint
DROP INDEX "vet_clinic"."idx_pet_name_trgm";--> statement-breakpoint
ALTER TABLE "accounts"."users" ADD COLUMN "search_name" text GENERATED ALWAYS AS (core.f_unaccent(lower(name))) STORED;--> statement-breakpoint
ALTER TABLE "vet_clinic"."pets" ADD COLUMN "search_name" text GENERATED ALWAYS AS (core.f_unaccent(lower(name))) STORED;--> statement-breakpoint
CREATE INDEX "owner_profiles_phone_trgm" ON "accounts"."owner_profiles" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_search_name_trgm" ON "accounts"."users" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_email_trgm" ON "accounts"."users" USING gin (lower("email") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "allergies_pet_idx" ON "vet_clinic"."allergies" USING btree ("pet_id");--> statement-breakpoint
CREATE INDEX "medications_pet_idx" ON "vet_clinic"."medications" USING btree ("pet_id","start_date");--> statement-breakpoint
CREATE INDEX "pets_search_name_trgm" ON "vet_clinic"."pets" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "visits_date_idx" ON "vet_clinic"."visits" USING btree ("visit_date");--> statement-breakpoint
CREATE INDEX "visits_open_idx" ON "vet_clinic"."visits" USING btree ("visit_date") WHERE "vet_clinic"."visits"."closed_at" is null;