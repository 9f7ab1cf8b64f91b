CREATE SCHEMA "billing";
--> statement-breakpoint
CREATE TABLE "billing"."account_credits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "billing"."account_credits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"amount" numeric(10, 2) NOT NULL,
	"reason" varchar(200) NOT NULL,
	"payment_id" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing"."card_intents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "billing"."card_intents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"invoice_id" integer NOT NULL,
	"gateway" varchar(10) NOT NULL,
	"intent_id" varchar(100) NOT NULL,
	"client_secret" varchar(200),
	"amount" numeric(10, 2) NOT NULL,
	"status" varchar(30) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "card_intents_intent_id_unique" UNIQUE("intent_id")
);
--> statement-breakpoint
CREATE TABLE "billing"."fiscal_profiles" (
	"owner_id" uuid PRIMARY KEY NOT NULL,
	"rfc" varchar(13) NOT NULL,
	"legal_name" varchar(300) NOT NULL,
	"regimen_fiscal" varchar(3) NOT NULL,
	"postal_code" varchar(5) NOT NULL,
	"uso_cfdi" varchar(4) NOT NULL,
	"email" varchar(254),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing"."invoice_line_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "billing"."invoice_line_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"invoice_id" integer NOT NULL,
	"description" varchar(500) NOT NULL,
	"quantity" numeric(10, 2) NOT NULL,
	"unit_price" numeric(10, 2) NOT NULL,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"fixed_discount" numeric(14, 6) DEFAULT '0' NOT NULL,
	"discount_amount" numeric(14, 6) DEFAULT '0' NOT NULL,
	"tax_class" varchar(10) NOT NULL,
	"tax_amount" numeric(14, 6) DEFAULT '0' NOT NULL,
	"line_total" numeric(10, 2) NOT NULL,
	"service_id" integer,
	"product_id" integer,
	"clave_producto_sat" varchar(10) NOT NULL,
	"clave_unidad_sat" varchar(5) NOT NULL,
	"stock_taken" integer DEFAULT 0 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "invoice_lines_quantity_positive" CHECK ("billing"."invoice_line_items"."quantity" > 0),
	CONSTRAINT "invoice_lines_discount_range" CHECK ("billing"."invoice_line_items"."discount_percent" >= 0 and "billing"."invoice_line_items"."discount_percent" <= 100)
);
--> statement-breakpoint
CREATE TABLE "billing"."invoices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "billing"."invoices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"invoice_number" varchar(50) NOT NULL,
	"owner_id" uuid,
	"pet_id" integer,
	"appointment_id" integer,
	"order_id" integer,
	"kind" varchar(10) DEFAULT 'standard' NOT NULL,
	"subtotal" numeric(10, 2) DEFAULT '0' NOT NULL,
	"discount_amount" numeric(10, 2) DEFAULT '0' NOT NULL,
	"tax_amount" numeric(10, 2) DEFAULT '0' NOT NULL,
	"total" numeric(10, 2) DEFAULT '0' NOT NULL,
	"amount_paid" numeric(10, 2) DEFAULT '0' NOT NULL,
	"extra_discount" numeric(10, 2) DEFAULT '0' NOT NULL,
	"status" varchar(20) DEFAULT 'draft' NOT NULL,
	"due_date" date,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"cfdi_status" varchar(20) DEFAULT 'none' NOT NULL,
	"cfdi_uuid" uuid,
	"cfdi_xml" text,
	"cfdi_pdf" varchar(300),
	"cfdi_pac_id" varchar(100),
	"cfdi_metodo_pago" varchar(3),
	"cfdi_issued_at" timestamp with time zone,
	"cfdi_cancel_motive" varchar(2),
	"cfdi_taxes" jsonb,
	"global_invoice_id" integer,
	CONSTRAINT "invoices_invoice_number_unique" UNIQUE("invoice_number"),
	CONSTRAINT "invoices_cfdi_uuid_unique" UNIQUE("cfdi_uuid"),
	CONSTRAINT "invoices_paid_within_total" CHECK ("billing"."invoices"."amount_paid" >= 0 and "billing"."invoices"."amount_paid" <= "billing"."invoices"."total"),
	CONSTRAINT "invoices_owner_unless_global" CHECK ("billing"."invoices"."owner_id" is not null or "billing"."invoices"."kind" = 'global')
);
--> statement-breakpoint
CREATE TABLE "billing"."payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "billing"."payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"invoice_id" integer NOT NULL,
	"amount" numeric(10, 2) NOT NULL,
	"payment_method" varchar(20) NOT NULL,
	"stripe_payment_intent" varchar(100),
	"stripe_charge_id" varchar(100),
	"reference_number" varchar(100) DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"cash_discount_applied" numeric(10, 2) DEFAULT '0' NOT NULL,
	"refund_of" integer,
	"idempotency_key" varchar(100),
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"complement_uuid" uuid,
	"complement_xml" text,
	CONSTRAINT "payments_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "payments_nonzero" CHECK ("billing"."payments"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "billing"."webhook_events" (
	"event_id" varchar(100) PRIMARY KEY NOT NULL,
	"provider" varchar(20) NOT NULL,
	"type" varchar(60) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD COLUMN "tax_class" varchar(10) DEFAULT 'iva16' NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD COLUMN "clave_producto_sat" varchar(10) DEFAULT '70122000' NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD COLUMN "clave_unidad_sat" varchar(5) DEFAULT 'E48' NOT NULL;--> statement-breakpoint
ALTER TABLE "billing"."account_credits" ADD CONSTRAINT "account_credits_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."account_credits" ADD CONSTRAINT "account_credits_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "billing"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."account_credits" ADD CONSTRAINT "account_credits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."card_intents" ADD CONSTRAINT "card_intents_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "billing"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."fiscal_profiles" ADD CONSTRAINT "fiscal_profiles_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."invoice_line_items" ADD CONSTRAINT "invoice_line_items_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "billing"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."invoice_line_items" ADD CONSTRAINT "invoice_line_items_service_id_service_types_id_fk" FOREIGN KEY ("service_id") REFERENCES "appointments"."service_types"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."invoice_line_items" ADD CONSTRAINT "invoice_line_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."invoices" ADD CONSTRAINT "invoices_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."invoices" ADD CONSTRAINT "invoices_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."invoices" ADD CONSTRAINT "invoices_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "appointments"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."invoices" ADD CONSTRAINT "invoices_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "store"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."invoices" ADD CONSTRAINT "invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."invoices" ADD CONSTRAINT "invoices_global_invoice_id_invoices_id_fk" FOREIGN KEY ("global_invoice_id") REFERENCES "billing"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "billing"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."payments" ADD CONSTRAINT "payments_refund_of_payments_id_fk" FOREIGN KEY ("refund_of") REFERENCES "billing"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."payments" ADD CONSTRAINT "payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_credits_owner_idx" ON "billing"."account_credits" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "billing"."invoice_line_items" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "idx_invoice_owner" ON "billing"."invoices" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_invoice_status" ON "billing"."invoices" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_invoice_due_date" ON "billing"."invoices" USING btree ("due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_per_order" ON "billing"."invoices" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "invoices_appointment_idx" ON "billing"."invoices" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "billing"."payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_per_intent" ON "billing"."payments" USING btree ("stripe_payment_intent") WHERE "billing"."payments"."refund_of" is null and "billing"."payments"."stripe_payment_intent" is not null;