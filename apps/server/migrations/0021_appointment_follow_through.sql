ALTER TABLE "appointments"."appointments" ADD COLUMN "follow_up_date" date;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD COLUMN "call_owner" boolean DEFAULT false NOT NULL;