ALTER TABLE "store"."products" ADD COLUMN "pet_weight_min_kg" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "store"."products" ADD COLUMN "pet_weight_max_kg" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "store"."products" ADD CONSTRAINT "products_pet_weight_band" CHECK ("store"."products"."pet_weight_min_kg" is null or "store"."products"."pet_weight_max_kg" is null or "store"."products"."pet_weight_min_kg" < "store"."products"."pet_weight_max_kg");--> statement-breakpoint
-- Sign-up now waits for the mailed link; every account that exists already was usable and stays so.
UPDATE "accounts"."users" SET "email_verified" = true WHERE NOT "email_verified";
