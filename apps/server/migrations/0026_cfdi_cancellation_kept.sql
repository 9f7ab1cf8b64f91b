ALTER TABLE "billing"."invoices" ADD COLUMN "cfdi_cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "billing"."invoices" ADD COLUMN "cfdi_acuse" text;