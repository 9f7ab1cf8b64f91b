CREATE TABLE "core"."audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"module" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vet_clinic"."medical_records" DROP CONSTRAINT "medical_records_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "billing"."invoices" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "billing"."invoices" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "omnichannel"."messages" ADD COLUMN "call" jsonb;--> statement-breakpoint
ALTER TABLE "store"."products" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "store"."products" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "store"."products" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "vet_clinic"."allergies" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "vet_clinic"."allergies" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "vet_clinic"."allergies" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "vet_clinic"."clinical_notes" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "vet_clinic"."clinical_notes" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "vet_clinic"."clinical_notes" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medical_records" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medical_records" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medications" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medications" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medications" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "vet_clinic"."vaccination_records" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "vet_clinic"."vaccination_records" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "vet_clinic"."vaccination_records" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "vet_clinic"."visits" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "vet_clinic"."visits" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
CREATE INDEX "audit_log_time_idx" ON "core"."audit_log" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "core"."audit_log" USING btree ("entity","entity_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "core"."audit_log" USING btree ("actor_id","occurred_at");--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD CONSTRAINT "service_types_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD CONSTRAINT "service_types_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."invoices" ADD CONSTRAINT "invoices_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."products" ADD CONSTRAINT "products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."products" ADD CONSTRAINT "products_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."allergies" ADD CONSTRAINT "allergies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."allergies" ADD CONSTRAINT "allergies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."clinical_notes" ADD CONSTRAINT "clinical_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."clinical_notes" ADD CONSTRAINT "clinical_notes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medical_records" ADD CONSTRAINT "medical_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medical_records" ADD CONSTRAINT "medical_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medications" ADD CONSTRAINT "medications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medications" ADD CONSTRAINT "medications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."vaccination_records" ADD CONSTRAINT "vaccination_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."vaccination_records" ADD CONSTRAINT "vaccination_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."visits" ADD CONSTRAINT "visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."visits" ADD CONSTRAINT "visits_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Rows written before the audit columns: who made them is already known where the row names its author.
UPDATE "vet_clinic"."visits" SET "created_by" = "veterinarian_id", "updated_by" = "veterinarian_id";--> statement-breakpoint
UPDATE "vet_clinic"."clinical_notes" SET "created_by" = "author_id", "updated_by" = "author_id", "updated_at" = "created_at";--> statement-breakpoint
UPDATE "vet_clinic"."vaccination_records" SET "created_by" = "administered_by", "updated_by" = "administered_by", "updated_at" = "created_at";--> statement-breakpoint
UPDATE "vet_clinic"."medications" SET "created_by" = "prescribed_by", "updated_by" = "prescribed_by", "updated_at" = "created_at";--> statement-breakpoint
UPDATE "vet_clinic"."allergies" SET "updated_at" = "created_at";--> statement-breakpoint
UPDATE "vet_clinic"."medical_records" SET "updated_by" = "created_by", "updated_at" = "created_at";--> statement-breakpoint
UPDATE "store"."products" SET "updated_at" = "created_at";--> statement-breakpoint
UPDATE "billing"."invoices" SET "updated_by" = "created_by", "updated_at" = coalesce("cancelled_at", "paid_at", "issued_at", "created_at");
