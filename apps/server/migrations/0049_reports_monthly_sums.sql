CREATE TABLE "reports"."monthly_appointments" (
	"month" date NOT NULL,
	"vet_id" text DEFAULT '' NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"no_shows" integer DEFAULT 0 NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monthly_appointments_month_vet_id_pk" PRIMARY KEY("month","vet_id")
);
--> statement-breakpoint
CREATE TABLE "reports"."monthly_invoices" (
	"month" date NOT NULL,
	"vet_id" text DEFAULT '' NOT NULL,
	"invoices" integer DEFAULT 0 NOT NULL,
	"net" numeric(15, 2) DEFAULT '0' NOT NULL,
	"gross" numeric(15, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "monthly_invoices_month_vet_id_pk" PRIMARY KEY("month","vet_id")
);
--> statement-breakpoint
CREATE TABLE "reports"."monthly_sales" (
	"month" date NOT NULL,
	"vet_id" text DEFAULT '' NOT NULL,
	"kind" varchar(10) NOT NULL,
	"category_id" integer DEFAULT 0 NOT NULL,
	"item_id" integer DEFAULT 0 NOT NULL,
	"description" varchar(300) NOT NULL,
	"quantity" numeric(15, 3) DEFAULT '0' NOT NULL,
	"net" numeric(15, 2) DEFAULT '0' NOT NULL,
	"gross" numeric(15, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "monthly_sales_month_vet_id_kind_category_id_item_id_pk" PRIMARY KEY("month","vet_id","kind","category_id","item_id")
);
--> statement-breakpoint
-- The months of the days already kept (the projection keeps both from now on); a replay from the first event fills both alike.
INSERT INTO "reports"."monthly_sales" ("month", "vet_id", "kind", "category_id", "item_id", "description", "quantity", "net", "gross")
SELECT date_trunc('month', "day")::date, "vet_id", "kind", "category_id", "item_id", (array_agg("description" ORDER BY "day" DESC))[1], sum("quantity"), sum("net"), sum("gross")
FROM "reports"."daily_sales" GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO "reports"."monthly_invoices" ("month", "vet_id", "invoices", "net", "gross")
SELECT date_trunc('month', "day")::date, "vet_id", sum("invoices"), sum("net"), sum("gross") FROM "reports"."daily_invoices" GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO "reports"."monthly_appointments" ("month", "vet_id", "booked", "completed", "cancelled", "no_shows", "minutes")
SELECT date_trunc('month', "day")::date, "vet_id", sum("booked"), sum("completed"), sum("cancelled"), sum("no_shows"), sum("minutes")
FROM "reports"."daily_appointments" GROUP BY 1, 2;
