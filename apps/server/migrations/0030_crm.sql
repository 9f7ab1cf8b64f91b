CREATE SCHEMA "crm";
--> statement-breakpoint
CREATE TABLE "crm"."pets" (
	"pet_id" integer PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"species" varchar(20) NOT NULL,
	"breed" varchar(100) DEFAULT '' NOT NULL,
	"date_of_birth" date,
	"is_active" boolean DEFAULT true NOT NULL,
	"next_vaccine_name" varchar(200),
	"next_vaccine_due" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm"."customer_segments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crm"."customer_segments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"slug" varchar(200) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rules" jsonb NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"last_calculated" timestamp with time zone,
	"last_duration_ms" integer,
	"is_dynamic" boolean DEFAULT true NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"frozen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_segments_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "crm"."owner_interactions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crm"."owner_interactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"pet_id" integer,
	"interaction_type" varchar(20) NOT NULL,
	"direction" varchar(10) NOT NULL,
	"subject" varchar(500) DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"outcome" varchar(100) DEFAULT '' NOT NULL,
	"sentiment" varchar(20),
	"requires_follow_up" boolean DEFAULT false NOT NULL,
	"follow_up_date" date,
	"follow_up_completed" boolean DEFAULT false NOT NULL,
	"handled_by" uuid,
	"source_ref" varchar(60),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owner_interactions_source_ref_unique" UNIQUE("source_ref"),
	CONSTRAINT "crm_follow_up_has_date" CHECK (not "crm"."owner_interactions"."requires_follow_up" or "crm"."owner_interactions"."follow_up_date" is not null)
);
--> statement-breakpoint
CREATE TABLE "crm"."owner_notes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crm"."owner_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"content" text NOT NULL,
	"is_pinned" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm"."owner_profiles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crm"."owner_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"name" varchar(120) DEFAULT '' NOT NULL,
	"email" varchar(254) DEFAULT '' NOT NULL,
	"phone" varchar(20) DEFAULT '' NOT NULL,
	"alternate_phone" varchar(20) DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"postal_code" varchar(5),
	"preferred_language" varchar(5) DEFAULT 'es' NOT NULL,
	"preferred_channel" varchar(20) DEFAULT 'whatsapp' NOT NULL,
	"marketing_consent" boolean DEFAULT false NOT NULL,
	"marketing_consent_at" timestamp with time zone,
	"marketing_consent_source" varchar(40),
	"tier" varchar(20) DEFAULT 'new' NOT NULL,
	"lifetime_value" numeric(12, 2) DEFAULT '0.00' NOT NULL,
	"visit_count" integer DEFAULT 0 NOT NULL,
	"last_visit_date" date,
	"churn_risk" varchar(20),
	"churn_reason" jsonb,
	"churn_computed_at" timestamp with time zone,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"search_text" text GENERATED ALWAYS AS (core.f_unaccent(lower(name || ' ' || email || ' ' || phone))) STORED,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owner_profiles_owner_id_unique" UNIQUE("owner_id"),
	CONSTRAINT "crm_profiles_ltv_not_negative" CHECK ("crm"."owner_profiles"."lifetime_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "crm"."owner_spend" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crm"."owner_spend_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"source_ref" varchar(40) NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	"occurred_on" date NOT NULL,
	CONSTRAINT "owner_spend_source_ref_unique" UNIQUE("source_ref")
);
--> statement-breakpoint
CREATE TABLE "crm"."pet_visits" (
	"pet_id" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	"visit_date" date NOT NULL,
	CONSTRAINT "pet_visits_pet_id_visit_date_pk" PRIMARY KEY("pet_id","visit_date")
);
--> statement-breakpoint
CREATE TABLE "crm"."purchases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crm"."purchases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"kind" varchar(10) NOT NULL,
	"reference" varchar(40) NOT NULL,
	"total" numeric(12, 2) NOT NULL,
	"paid_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm"."segment_members" (
	"segment_id" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	CONSTRAINT "segment_members_segment_id_owner_id_pk" PRIMARY KEY("segment_id","owner_id")
);
--> statement-breakpoint
ALTER TABLE "crm"."pets" ADD CONSTRAINT "pets_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."owner_interactions" ADD CONSTRAINT "owner_interactions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."owner_interactions" ADD CONSTRAINT "owner_interactions_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."owner_notes" ADD CONSTRAINT "owner_notes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."owner_notes" ADD CONSTRAINT "owner_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."owner_profiles" ADD CONSTRAINT "owner_profiles_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."owner_spend" ADD CONSTRAINT "owner_spend_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."pet_visits" ADD CONSTRAINT "pet_visits_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."purchases" ADD CONSTRAINT "purchases_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."segment_members" ADD CONSTRAINT "segment_members_segment_id_customer_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "crm"."customer_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."segment_members" ADD CONSTRAINT "segment_members_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_pets_owner" ON "crm"."pets" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "crm_pets_species" ON "crm"."pets" USING btree ("species","owner_id");--> statement-breakpoint
CREATE INDEX "crm_interactions_owner" ON "crm"."owner_interactions" USING btree ("owner_id","occurred_at");--> statement-breakpoint
CREATE INDEX "crm_interactions_follow_up" ON "crm"."owner_interactions" USING btree ("follow_up_date") WHERE "crm"."owner_interactions"."requires_follow_up" and not "crm"."owner_interactions"."follow_up_completed";--> statement-breakpoint
CREATE INDEX "crm_notes_owner" ON "crm"."owner_notes" USING btree ("owner_id","is_pinned","created_at");--> statement-breakpoint
CREATE INDEX "crm_profiles_search_trgm" ON "crm"."owner_profiles" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "crm_profiles_tags" ON "crm"."owner_profiles" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "crm_profiles_last_visit" ON "crm"."owner_profiles" USING btree ("last_visit_date");--> statement-breakpoint
CREATE INDEX "crm_profiles_registered" ON "crm"."owner_profiles" USING btree ("registered_at");--> statement-breakpoint
CREATE INDEX "crm_spend_owner_day" ON "crm"."owner_spend" USING btree ("owner_id","occurred_on");--> statement-breakpoint
CREATE INDEX "crm_pet_visits_owner" ON "crm"."pet_visits" USING btree ("owner_id","visit_date");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_purchases_ref" ON "crm"."purchases" USING btree ("kind","reference");--> statement-breakpoint
CREATE INDEX "crm_purchases_owner" ON "crm"."purchases" USING btree ("owner_id","paid_at");