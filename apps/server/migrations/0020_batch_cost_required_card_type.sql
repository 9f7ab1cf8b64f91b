ALTER TABLE "store"."stock_batches" ALTER COLUMN "cost_per_unit" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "billing"."payments" ADD COLUMN "card_type" varchar(6);--> statement-breakpoint
ALTER TABLE "store"."stock_batches" ADD COLUMN "supplier" varchar(200) DEFAULT '' NOT NULL;