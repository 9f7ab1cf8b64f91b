CREATE TABLE "accounting"."budgets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."budgets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"month" smallint NOT NULL,
	"account_id" integer NOT NULL,
	"amount" numeric(15, 2) NOT NULL,
	CONSTRAINT "budgets_account_month" UNIQUE("year","account_id","month"),
	CONSTRAINT "budgets_month_range" CHECK ("accounting"."budgets"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "accounting"."period_reopenings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."period_reopenings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"month" smallint NOT NULL,
	"reason" text NOT NULL,
	"reopened_by" uuid,
	"reopened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounting"."cfdi_documents" (
	"invoice_id" integer PRIMARY KEY NOT NULL,
	"uuid" uuid NOT NULL,
	"receiver_rfc" varchar(13) NOT NULL,
	"total" numeric(15, 2) NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounting"."reference_invoices" (
	"reference" varchar(100) NOT NULL,
	"invoice_id" integer NOT NULL,
	CONSTRAINT "reference_invoices_reference_pk" PRIMARY KEY("reference")
);
--> statement-breakpoint
ALTER TABLE "accounting"."budgets" ADD CONSTRAINT "budgets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounting"."accounts"("id") ON DELETE no action ON UPDATE no action;