CREATE SCHEMA "cash_close";
--> statement-breakpoint
CREATE SCHEMA "competitive_intel";
--> statement-breakpoint
CREATE TABLE "cash_close"."closes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cash_close"."closes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"day" date NOT NULL,
	"status" varchar(10) DEFAULT 'counted' NOT NULL,
	"denominations" jsonb NOT NULL,
	"counted_cash" numeric(12, 2) NOT NULL,
	"expected_cash" numeric(12, 2) NOT NULL,
	"card_terminal_total" numeric(12, 2) NOT NULL,
	"expected_card" numeric(12, 2) NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"counted_by" uuid,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "closes_day_unique" UNIQUE("day")
);
--> statement-breakpoint
CREATE TABLE "cash_close"."day_totals" (
	"day" date NOT NULL,
	"method" varchar(20) NOT NULL,
	"received" numeric(12, 2) DEFAULT '0' NOT NULL,
	"refunded" numeric(12, 2) DEFAULT '0' NOT NULL,
	"payments" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "day_totals_day_method_pk" PRIMARY KEY("day","method")
);
--> statement-breakpoint
CREATE TABLE "cash_close"."movements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cash_close"."movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"day" date NOT NULL,
	"kind" varchar(12) NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "movements_amount_positive" CHECK ("cash_close"."movements"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "competitive_intel"."competitors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competitive_intel"."competitors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"website" varchar(300) DEFAULT '' NOT NULL,
	"phone" varchar(30) DEFAULT '' NOT NULL,
	"services_offered" text[] DEFAULT '{}'::text[] NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"ip_ranges" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competitive_intel"."pricing_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competitive_intel"."pricing_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"competitor_id" integer NOT NULL,
	"service_type_id" integer,
	"item" varchar(200) NOT NULL,
	"price" numeric(10, 2) NOT NULL,
	"source" varchar(20) NOT NULL,
	"observed_on" date NOT NULL,
	"logged_by" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pricing_records_price_nonnegative" CHECK ("competitive_intel"."pricing_records"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "competitive_intel"."visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competitive_intel"."visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"path" varchar(300) NOT NULL,
	"network" varchar(50) NOT NULL,
	"competitor_id" integer,
	"user_agent" varchar(200) DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competitive_intel"."pricing_records" ADD CONSTRAINT "pricing_records_competitor_id_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "competitive_intel"."competitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitive_intel"."pricing_records" ADD CONSTRAINT "pricing_records_service_type_id_service_types_id_fk" FOREIGN KEY ("service_type_id") REFERENCES "appointments"."service_types"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitive_intel"."visits" ADD CONSTRAINT "visits_competitor_id_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "competitive_intel"."competitors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_pricing_service_day" ON "competitive_intel"."pricing_records" USING btree ("service_type_id","observed_on");--> statement-breakpoint
CREATE INDEX "idx_pricing_competitor_day" ON "competitive_intel"."pricing_records" USING btree ("competitor_id","observed_on");--> statement-breakpoint
CREATE INDEX "idx_visits_at" ON "competitive_intel"."visits" USING btree ("at");--> statement-breakpoint
CREATE INDEX "idx_visits_competitor_at" ON "competitive_intel"."visits" USING btree ("competitor_id","at");