CREATE SCHEMA "consent";
--> statement-breakpoint
CREATE TABLE "consent"."consents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consent"."consents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" varchar(20) NOT NULL,
	"lang" varchar(2) NOT NULL,
	"visit_id" integer,
	"appointment_id" integer,
	"pet_id" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	"procedure" varchar(300) NOT NULL,
	"risks" text DEFAULT '' NOT NULL,
	"estimate_total" numeric(12, 2),
	"estimate_base" numeric(12, 2),
	"estimate_iva" numeric(12, 2),
	"iva_rate" numeric(5, 4),
	"title" varchar(200) NOT NULL,
	"body" text NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_via" varchar(10),
	"signer_name" varchar(200),
	"signer_ip" varchar(64),
	"signer_user_agent" text,
	"signature_key" text,
	"pdf_key" text,
	"pdf_sha256" varchar(64),
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "consents_for_something" CHECK ("consent"."consents"."visit_id" is not null or "consent"."consents"."appointment_id" is not null),
	CONSTRAINT "consents_signed_complete" CHECK ("consent"."consents"."status" = 'pending' or ("consent"."consents"."signed_at" is not null and "consent"."consents"."signer_name" is not null and "consent"."consents"."pdf_key" is not null and "consent"."consents"."pdf_sha256" is not null))
);
--> statement-breakpoint
CREATE TABLE "consent"."revocations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consent"."revocations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"consent_id" integer NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"revoked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "revocations_consent_id_unique" UNIQUE("consent_id")
);
--> statement-breakpoint
CREATE TABLE "consent"."service_requirements" (
	"service_type_id" integer PRIMARY KEY NOT NULL,
	"kind" varchar(20) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent"."templates" (
	"kind" varchar(20) NOT NULL,
	"lang" varchar(2) NOT NULL,
	"title" varchar(200) NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "templates_kind_lang_pk" PRIMARY KEY("kind","lang")
);
--> statement-breakpoint
ALTER TABLE "consent"."consents" ADD CONSTRAINT "consents_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "vet_clinic"."visits"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."consents" ADD CONSTRAINT "consents_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "appointments"."appointments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."consents" ADD CONSTRAINT "consents_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."consents" ADD CONSTRAINT "consents_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."consents" ADD CONSTRAINT "consents_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."revocations" ADD CONSTRAINT "revocations_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "consent"."consents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."revocations" ADD CONSTRAINT "revocations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."service_requirements" ADD CONSTRAINT "service_requirements_service_type_id_service_types_id_fk" FOREIGN KEY ("service_type_id") REFERENCES "appointments"."service_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."templates" ADD CONSTRAINT "templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_visit_idx" ON "consent"."consents" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "consents_appointment_idx" ON "consent"."consents" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "consents_pet_idx" ON "consent"."consents" USING btree ("pet_id");--> statement-breakpoint
-- A signed consent is what the owner agreed to: no UPDATE or DELETE reaches it, whoever runs them.
CREATE FUNCTION "consent"."refuse_signed_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'signed' THEN
    RAISE EXCEPTION 'consent % is signed and cannot change', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "consents_signed_immutable" BEFORE UPDATE OR DELETE ON "consent"."consents" FOR EACH ROW EXECUTE FUNCTION "consent"."refuse_signed_change"();--> statement-breakpoint
-- A revocation is a record of what the owner said: it never changes either.
CREATE FUNCTION "consent"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows cannot change', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "revocations_immutable" BEFORE UPDATE OR DELETE ON "consent"."revocations" FOR EACH ROW EXECUTE FUNCTION "consent"."refuse_change"();
