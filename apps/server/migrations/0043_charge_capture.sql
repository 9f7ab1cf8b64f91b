CREATE TABLE "billing"."charge_waivers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "billing"."charge_waivers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_kind" varchar(20) NOT NULL,
	"source_id" integer NOT NULL,
	"reason" varchar(500) NOT NULL,
	"waived_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vet_clinic"."visit_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."visit_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"visit_id" integer NOT NULL,
	"kind" varchar(20) NOT NULL,
	"service_type_id" integer,
	"product_id" integer,
	"quantity" numeric(10, 2) DEFAULT '1' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"vaccination_id" integer,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_items_one_catalogue_entry" CHECK (("vet_clinic"."visit_items"."service_type_id" is null) <> ("vet_clinic"."visit_items"."product_id" is null)),
	CONSTRAINT "visit_items_quantity_positive" CHECK ("vet_clinic"."visit_items"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "billing"."invoice_line_items" ADD COLUMN "source_kind" varchar(20);--> statement-breakpoint
ALTER TABLE "billing"."invoice_line_items" ADD COLUMN "source_id" integer;--> statement-breakpoint
ALTER TABLE "billing"."charge_waivers" ADD CONSTRAINT "charge_waivers_waived_by_users_id_fk" FOREIGN KEY ("waived_by") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."visit_items" ADD CONSTRAINT "visit_items_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "vet_clinic"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."visit_items" ADD CONSTRAINT "visit_items_vaccination_id_vaccination_records_id_fk" FOREIGN KEY ("vaccination_id") REFERENCES "vet_clinic"."vaccination_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."visit_items" ADD CONSTRAINT "visit_items_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charge_waivers_one_per_source" ON "billing"."charge_waivers" USING btree ("source_kind","source_id");--> statement-breakpoint
CREATE INDEX "visit_items_visit_idx" ON "vet_clinic"."visit_items" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_source_idx" ON "billing"."invoice_line_items" USING btree ("source_kind","source_id");--> statement-breakpoint
ALTER TABLE "billing"."invoice_line_items" ADD CONSTRAINT "invoice_lines_source_pair" CHECK (("billing"."invoice_line_items"."source_kind" is null) = ("billing"."invoice_line_items"."source_id" is null));