CREATE SCHEMA "core";
--> statement-breakpoint
CREATE SCHEMA "accounts";
--> statement-breakpoint
CREATE SCHEMA "vet_clinic";
--> statement-breakpoint
CREATE TABLE "core"."event_deliveries" (
	"event_id" uuid NOT NULL,
	"handler" text NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_deliveries_event_id_handler_pk" PRIMARY KEY("event_id","handler")
);
--> statement-breakpoint
CREATE TABLE "core"."local_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts"."api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" varchar(12) NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "accounts"."auth_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts"."owner_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"phone" varchar(20) DEFAULT '' NOT NULL,
	"alternate_phone" varchar(20) DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"preferred_channel" varchar(20) DEFAULT 'whatsapp' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts"."sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token" text NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "accounts"."staff_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"title" varchar(100) DEFAULT '' NOT NULL,
	"license_number" varchar(50),
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"is_bookable" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_profiles_license_unique" UNIQUE("license_number")
);
--> statement-breakpoint
CREATE TABLE "accounts"."users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" varchar(20) DEFAULT 'owner' NOT NULL,
	"preferred_language" varchar(5) DEFAULT 'es' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_role_known" CHECK ("accounts"."users"."role" in ('owner', 'receptionist', 'veterinarian', 'manager', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "accounts"."verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."allergies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."allergies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pet_id" integer NOT NULL,
	"allergen" varchar(200) NOT NULL,
	"reaction" text DEFAULT '' NOT NULL,
	"severity" varchar(20) NOT NULL,
	"diagnosed_date" date,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."clinical_notes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."clinical_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"visit_id" integer NOT NULL,
	"content" text NOT NULL,
	"is_internal" boolean DEFAULT true NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."health_certificates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."health_certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"travel_plan_id" integer NOT NULL,
	"certificate_number" varchar(40) NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" date NOT NULL,
	"pdf" text NOT NULL,
	CONSTRAINT "health_certificates_certificate_number_unique" UNIQUE("certificate_number")
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."medical_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."medical_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pet_id" integer NOT NULL,
	"record_type" varchar(20) NOT NULL,
	"date" date NOT NULL,
	"title" varchar(200) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"diagnosis" text DEFAULT '' NOT NULL,
	"treatment" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visit_id" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."medications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."medications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pet_id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"dosage" varchar(100) NOT NULL,
	"frequency" varchar(100) NOT NULL,
	"route" varchar(50) NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"is_ongoing" boolean DEFAULT false NOT NULL,
	"prescribed_by" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "medications_dates_ordered" CHECK ("vet_clinic"."medications"."end_date" is null or "vet_clinic"."medications"."end_date" >= "vet_clinic"."medications"."start_date")
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."pets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."pets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"species" varchar(20) NOT NULL,
	"breed" varchar(100) DEFAULT '' NOT NULL,
	"color" varchar(100) DEFAULT '' NOT NULL,
	"date_of_birth" date,
	"gender" varchar(10) DEFAULT 'unknown' NOT NULL,
	"is_neutered" boolean DEFAULT false NOT NULL,
	"weight_kg" numeric(6, 2),
	"microchip_number" varchar(50),
	"microchip_implanted_on" date,
	"photo" text,
	"notes" text DEFAULT '' NOT NULL,
	"is_deceased" boolean DEFAULT false NOT NULL,
	"deceased_date" date,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pets_microchip_unique" UNIQUE("microchip_number"),
	CONSTRAINT "pets_weight_positive" CHECK ("vet_clinic"."pets"."weight_kg" is null or "vet_clinic"."pets"."weight_kg" > 0)
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."travel_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."travel_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pet_id" integer NOT NULL,
	"destination" varchar(10) NOT NULL,
	"travel_date" date NOT NULL,
	"checklist" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."vaccination_due_notices" (
	"pet_id" integer NOT NULL,
	"protocol_code" varchar(50) NOT NULL,
	"dose" varchar(10) NOT NULL,
	"dose_number" smallint NOT NULL,
	"due_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_due_notices_unique" UNIQUE("pet_id","protocol_code","dose","dose_number")
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."vaccination_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."vaccination_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pet_id" integer NOT NULL,
	"protocol_code" varchar(50),
	"vaccine_name" varchar(200) NOT NULL,
	"vaccine_type" varchar(50) DEFAULT '' NOT NULL,
	"manufacturer" varchar(200) DEFAULT '' NOT NULL,
	"lot_number" varchar(100) DEFAULT '' NOT NULL,
	"administered_date" date NOT NULL,
	"expiry_date" date,
	"next_due_date" date,
	"administered_by" uuid,
	"given_elsewhere" boolean DEFAULT false NOT NULL,
	"site" varchar(100) DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."vaccine_protocols" (
	"code" varchar(50) PRIMARY KEY NOT NULL,
	"species" varchar(20) NOT NULL,
	"name" varchar(200) NOT NULL,
	"category" varchar(20) NOT NULL,
	"first_dose_weeks" smallint NOT NULL,
	"series_interval_weeks" smallint NOT NULL,
	"series_until_weeks" smallint NOT NULL,
	"adult_initial_doses" smallint DEFAULT 1 NOT NULL,
	"first_booster_months" smallint NOT NULL,
	"booster_interval_months" smallint NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"notes" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."visit_addenda" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."visit_addenda_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"visit_id" integer NOT NULL,
	"section" varchar(20) NOT NULL,
	"content" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."visits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pet_id" integer NOT NULL,
	"visit_date" timestamp with time zone NOT NULL,
	"reason" varchar(200) NOT NULL,
	"subjective" text DEFAULT '' NOT NULL,
	"objective" text DEFAULT '' NOT NULL,
	"assessment" text DEFAULT '' NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"veterinarian_id" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."vital_signs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."vital_signs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"visit_id" integer,
	"pet_id" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"weight_kg" numeric(6, 2),
	"temperature_c" numeric(4, 1),
	"heart_rate" smallint,
	"respiratory_rate" smallint,
	"body_condition_score" smallint,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "vital_signs_visit_unique" UNIQUE("visit_id"),
	CONSTRAINT "vital_signs_bcs_range" CHECK ("vet_clinic"."vital_signs"."body_condition_score" between 1 and 9),
	CONSTRAINT "vital_signs_weight_positive" CHECK ("vet_clinic"."vital_signs"."weight_kg" > 0),
	CONSTRAINT "vital_signs_temperature_range" CHECK ("vet_clinic"."vital_signs"."temperature_c" between 30 and 45),
	CONSTRAINT "vital_signs_heart_rate_range" CHECK ("vet_clinic"."vital_signs"."heart_rate" between 10 and 400),
	CONSTRAINT "vital_signs_respiratory_rate_range" CHECK ("vet_clinic"."vital_signs"."respiratory_rate" between 4 and 200)
);
--> statement-breakpoint
ALTER TABLE "core"."event_deliveries" ADD CONSTRAINT "event_deliveries_event_id_outbox_id_fk" FOREIGN KEY ("event_id") REFERENCES "core"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."auth_accounts" ADD CONSTRAINT "auth_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."owner_profiles" ADD CONSTRAINT "owner_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."staff_profiles" ADD CONSTRAINT "staff_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."allergies" ADD CONSTRAINT "allergies_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."clinical_notes" ADD CONSTRAINT "clinical_notes_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "vet_clinic"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."clinical_notes" ADD CONSTRAINT "clinical_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."health_certificates" ADD CONSTRAINT "health_certificates_travel_plan_id_travel_plans_id_fk" FOREIGN KEY ("travel_plan_id") REFERENCES "vet_clinic"."travel_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."health_certificates" ADD CONSTRAINT "health_certificates_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medical_records" ADD CONSTRAINT "medical_records_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medical_records" ADD CONSTRAINT "medical_records_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "vet_clinic"."visits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medical_records" ADD CONSTRAINT "medical_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medications" ADD CONSTRAINT "medications_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."medications" ADD CONSTRAINT "medications_prescribed_by_users_id_fk" FOREIGN KEY ("prescribed_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."pets" ADD CONSTRAINT "pets_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."travel_plans" ADD CONSTRAINT "travel_plans_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."travel_plans" ADD CONSTRAINT "travel_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."vaccination_due_notices" ADD CONSTRAINT "vaccination_due_notices_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."vaccination_records" ADD CONSTRAINT "vaccination_records_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."vaccination_records" ADD CONSTRAINT "vaccination_records_administered_by_users_id_fk" FOREIGN KEY ("administered_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."visit_addenda" ADD CONSTRAINT "visit_addenda_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "vet_clinic"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."visit_addenda" ADD CONSTRAINT "visit_addenda_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."visits" ADD CONSTRAINT "visits_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."visits" ADD CONSTRAINT "visits_veterinarian_id_users_id_fk" FOREIGN KEY ("veterinarian_id") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."vital_signs" ADD CONSTRAINT "vital_signs_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "vet_clinic"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."vital_signs" ADD CONSTRAINT "vital_signs_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."vital_signs" ADD CONSTRAINT "vital_signs_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "local_outbox_recipient_idx" ON "core"."local_outbox" USING btree ("recipient","created_at");--> statement-breakpoint
CREATE INDEX "outbox_name_occurred_idx" ON "core"."outbox" USING btree ("name","occurred_at");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "accounts"."api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "auth_accounts_user_id_idx" ON "accounts"."auth_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "owner_profiles_phone_idx" ON "accounts"."owner_profiles" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "accounts"."sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_name_trgm" ON "accounts"."users" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "accounts"."users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "verifications_identifier_idx" ON "accounts"."verifications" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "clinical_notes_visit_idx" ON "vet_clinic"."clinical_notes" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "medical_records_pet_date_idx" ON "vet_clinic"."medical_records" USING btree ("pet_id","date");--> statement-breakpoint
CREATE INDEX "idx_pet_owner" ON "vet_clinic"."pets" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "idx_pet_species" ON "vet_clinic"."pets" USING btree ("species");--> statement-breakpoint
CREATE INDEX "idx_pet_name_trgm" ON "vet_clinic"."pets" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "vaccination_records_pet_idx" ON "vet_clinic"."vaccination_records" USING btree ("pet_id","administered_date");--> statement-breakpoint
CREATE INDEX "visits_pet_date_idx" ON "vet_clinic"."visits" USING btree ("pet_id","visit_date");--> statement-breakpoint
CREATE INDEX "vital_signs_pet_time_idx" ON "vet_clinic"."vital_signs" USING btree ("pet_id","recorded_at");