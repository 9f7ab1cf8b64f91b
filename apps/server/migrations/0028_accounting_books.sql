CREATE SCHEMA "accounting";
--> statement-breakpoint
CREATE TABLE "accounting"."account_day_totals" (
	"account_id" integer NOT NULL,
	"day" date NOT NULL,
	"debit" numeric(15, 2) DEFAULT '0' NOT NULL,
	"credit" numeric(15, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "account_day_totals_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
CREATE TABLE "accounting"."accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(20) NOT NULL,
	"name" varchar(200) NOT NULL,
	"account_type" varchar(20) NOT NULL,
	"parent_id" integer,
	"sat_code" varchar(10) NOT NULL,
	"natural_side" varchar(6) NOT NULL,
	"is_group" boolean DEFAULT false NOT NULL,
	"is_bank" boolean DEFAULT false NOT NULL,
	"is_cash" boolean DEFAULT false NOT NULL,
	"is_ar" boolean DEFAULT false NOT NULL,
	"is_ap" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "accounting"."entry_sequences" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounting"."fiscal_periods" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."fiscal_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"month" smallint NOT NULL,
	"status" varchar(10) DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "fiscal_periods_month" UNIQUE("year","month"),
	CONSTRAINT "fiscal_periods_month_range" CHECK ("accounting"."fiscal_periods"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "accounting"."journal_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."journal_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"entry_number" varchar(20),
	"date" date NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"entry_type" varchar(20) NOT NULL,
	"status" varchar(10) DEFAULT 'draft' NOT NULL,
	"reference" varchar(100) DEFAULT '' NOT NULL,
	"source_event_id" uuid,
	"reverses_id" integer,
	"total" numeric(15, 2) DEFAULT '0' NOT NULL,
	"posted_at" timestamp with time zone,
	"posted_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_entry_number_unique" UNIQUE("entry_number"),
	CONSTRAINT "journal_entries_number_when_posted" CHECK (("accounting"."journal_entries"."status" = 'posted') = ("accounting"."journal_entries"."entry_number" is not null))
);
--> statement-breakpoint
CREATE TABLE "accounting"."journal_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."journal_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"entry_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"debit" numeric(15, 2) DEFAULT '0' NOT NULL,
	"credit" numeric(15, 2) DEFAULT '0' NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"vendor_id" integer,
	"pet_id" integer,
	"line_order" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "journal_lines_one_side" CHECK ("accounting"."journal_lines"."debit" >= 0 and "accounting"."journal_lines"."credit" >= 0 and ("accounting"."journal_lines"."debit" = 0) <> ("accounting"."journal_lines"."credit" = 0))
);
--> statement-breakpoint
CREATE TABLE "accounting"."receivables" (
	"invoice_id" integer PRIMARY KEY NOT NULL,
	"invoice_number" varchar(50) NOT NULL,
	"owner_id" uuid,
	"issued_on" date NOT NULL,
	"due_date" date,
	"total" numeric(15, 2) NOT NULL,
	"tax" numeric(15, 2) NOT NULL,
	"tax_collected" numeric(15, 2) DEFAULT '0' NOT NULL,
	"balance" numeric(15, 2) NOT NULL,
	"status" varchar(10) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounting"."revenue_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."revenue_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" varchar(20) NOT NULL,
	"category_id" integer,
	"account_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts"."users" DROP CONSTRAINT "users_role_known";--> statement-breakpoint
ALTER TABLE "accounting"."account_day_totals" ADD CONSTRAINT "account_day_totals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounting"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."accounts" ADD CONSTRAINT "accounts_parent_id_accounts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "accounting"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."journal_entries" ADD CONSTRAINT "journal_entries_reverses_id_journal_entries_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "accounting"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."journal_lines" ADD CONSTRAINT "journal_lines_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "accounting"."journal_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."journal_lines" ADD CONSTRAINT "journal_lines_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounting"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."revenue_accounts" ADD CONSTRAINT "revenue_accounts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounting"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_day_totals_day" ON "accounting"."account_day_totals" USING btree ("day");--> statement-breakpoint
CREATE INDEX "idx_account_parent" ON "accounting"."accounts" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "idx_journal_date" ON "accounting"."journal_entries" USING btree ("date");--> statement-breakpoint
CREATE INDEX "idx_journal_posted" ON "accounting"."journal_entries" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_journal_reference" ON "accounting"."journal_entries" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_source_event" ON "accounting"."journal_entries" USING btree ("source_event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_reversed_once" ON "accounting"."journal_entries" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "idx_journal_line_entry" ON "accounting"."journal_lines" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "idx_journal_line_account" ON "accounting"."journal_lines" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "idx_receivable_status" ON "accounting"."receivables" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "revenue_accounts_key" ON "accounting"."revenue_accounts" USING btree ("kind",coalesce("category_id", 0));--> statement-breakpoint
ALTER TABLE "accounts"."users" ADD CONSTRAINT "users_role_known" CHECK ("accounts"."users"."role" in ('owner', 'receptionist', 'veterinarian', 'accountant', 'manager', 'admin'));