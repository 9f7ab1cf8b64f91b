CREATE SCHEMA "reports";
--> statement-breakpoint
CREATE TABLE "reports"."appointment_facts" (
	"appointment_id" integer PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"vet_id" text DEFAULT '' NOT NULL,
	"pet_id" integer NOT NULL,
	"minutes" integer NOT NULL,
	"state" varchar(10) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports"."batch_stock" (
	"batch_id" integer PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"unit_cost" numeric(15, 6) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports"."daily_appointments" (
	"day" date NOT NULL,
	"vet_id" text DEFAULT '' NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"no_shows" integer DEFAULT 0 NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_appointments_day_vet_id_pk" PRIMARY KEY("day","vet_id")
);
--> statement-breakpoint
CREATE TABLE "reports"."daily_invoices" (
	"day" date NOT NULL,
	"vet_id" text DEFAULT '' NOT NULL,
	"invoices" integer DEFAULT 0 NOT NULL,
	"net" numeric(15, 2) DEFAULT '0' NOT NULL,
	"gross" numeric(15, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "daily_invoices_day_vet_id_pk" PRIMARY KEY("day","vet_id")
);
--> statement-breakpoint
CREATE TABLE "reports"."daily_sales" (
	"day" date NOT NULL,
	"vet_id" text DEFAULT '' NOT NULL,
	"kind" varchar(10) NOT NULL,
	"category_id" integer DEFAULT 0 NOT NULL,
	"item_id" integer DEFAULT 0 NOT NULL,
	"description" varchar(300) NOT NULL,
	"quantity" numeric(15, 3) DEFAULT '0' NOT NULL,
	"net" numeric(15, 2) DEFAULT '0' NOT NULL,
	"gross" numeric(15, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "daily_sales_day_vet_id_kind_category_id_item_id_pk" PRIMARY KEY("day","vet_id","kind","category_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "reports"."invoice_facts" (
	"invoice_id" integer PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"vet_id" text DEFAULT '' NOT NULL,
	"owner_id" text,
	"pet_id" integer,
	"gross" numeric(15, 2) NOT NULL,
	"balance" numeric(15, 2) NOT NULL,
	"due_date" date,
	"state" varchar(10) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports"."owner_firsts" (
	"owner_id" text PRIMARY KEY NOT NULL,
	"first_day" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports"."patient_activity" (
	"pet_id" integer PRIMARY KEY NOT NULL,
	"last_seen" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports"."vaccine_dues" (
	"pet_id" integer NOT NULL,
	"protocol" varchar(100) NOT NULL,
	"due_date" date NOT NULL,
	"given_on" date,
	CONSTRAINT "vaccine_dues_pet_id_protocol_due_date_pk" PRIMARY KEY("pet_id","protocol","due_date")
);
--> statement-breakpoint
CREATE INDEX "reports_invoice_facts_day" ON "reports"."invoice_facts" USING btree ("day","vet_id");--> statement-breakpoint
CREATE INDEX "reports_invoice_facts_open" ON "reports"."invoice_facts" USING btree ("state","due_date");--> statement-breakpoint
CREATE INDEX "reports_owner_firsts_day" ON "reports"."owner_firsts" USING btree ("first_day");--> statement-breakpoint
CREATE INDEX "reports_patient_activity_seen" ON "reports"."patient_activity" USING btree ("last_seen");--> statement-breakpoint
CREATE INDEX "reports_vaccine_dues_due" ON "reports"."vaccine_dues" USING btree ("due_date");