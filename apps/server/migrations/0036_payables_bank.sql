CREATE TABLE "accounting"."bank_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."bank_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(100) NOT NULL,
	"bank_name" varchar(100) DEFAULT '' NOT NULL,
	"account_number" varchar(30) DEFAULT '' NOT NULL,
	"ledger_account_id" integer NOT NULL,
	"csv_mapping" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_accounts_ledger_account_id_unique" UNIQUE("ledger_account_id")
);
--> statement-breakpoint
CREATE TABLE "accounting"."bank_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."bank_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"bank_account_id" integer,
	"pattern" varchar(100) NOT NULL,
	"account_id" integer NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounting"."bank_transactions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."bank_transactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"bank_account_id" integer NOT NULL,
	"date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"description" varchar(300) DEFAULT '' NOT NULL,
	"reference" varchar(100) DEFAULT '' NOT NULL,
	"hash" varchar(64) NOT NULL,
	"reconciliation_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_transactions_not_zero" CHECK ("accounting"."bank_transactions"."amount_cents" <> 0)
);
--> statement-breakpoint
CREATE TABLE "accounting"."reconciliation_matches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."reconciliation_matches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"reconciliation_id" integer NOT NULL,
	"bank_transaction_id" integer NOT NULL,
	"journal_line_id" integer NOT NULL,
	CONSTRAINT "reconciliation_matches_journal_line_id_unique" UNIQUE("journal_line_id")
);
--> statement-breakpoint
CREATE TABLE "accounting"."reconciliations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."reconciliations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"bank_account_id" integer NOT NULL,
	"statement_date" date NOT NULL,
	"opening_balance_cents" bigint NOT NULL,
	"statement_balance_cents" bigint NOT NULL,
	"status" varchar(10) DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounting"."bill_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."bill_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"bill_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	"amount_cents" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounting"."bill_payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."bill_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"bill_id" integer NOT NULL,
	"paid_on" date NOT NULL,
	"method" varchar(10) NOT NULL,
	"account_id" integer NOT NULL,
	"reference" varchar(100) DEFAULT '' NOT NULL,
	"amount_cents" bigint DEFAULT 0 NOT NULL,
	"base16_cents" bigint DEFAULT 0 NOT NULL,
	"iva16_cents" bigint DEFAULT 0 NOT NULL,
	"base8_cents" bigint DEFAULT 0 NOT NULL,
	"iva8_cents" bigint DEFAULT 0 NOT NULL,
	"base0_cents" bigint DEFAULT 0 NOT NULL,
	"exempt_cents" bigint DEFAULT 0 NOT NULL,
	"iva_withheld_cents" bigint DEFAULT 0 NOT NULL,
	"isr_withheld_cents" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bill_payments_positive" CHECK ("accounting"."bill_payments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "accounting"."bills" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."bills_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"vendor_id" integer NOT NULL,
	"bill_number" varchar(100) DEFAULT '' NOT NULL,
	"bill_date" date NOT NULL,
	"due_date" date NOT NULL,
	"description" varchar(500) DEFAULT '' NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"cfdi_uuid" uuid,
	"subtotal_cents" bigint DEFAULT 0 NOT NULL,
	"discount_cents" bigint DEFAULT 0 NOT NULL,
	"base16_cents" bigint DEFAULT 0 NOT NULL,
	"iva16_cents" bigint DEFAULT 0 NOT NULL,
	"base8_cents" bigint DEFAULT 0 NOT NULL,
	"iva8_cents" bigint DEFAULT 0 NOT NULL,
	"base0_cents" bigint DEFAULT 0 NOT NULL,
	"exempt_cents" bigint DEFAULT 0 NOT NULL,
	"iva_withheld_cents" bigint DEFAULT 0 NOT NULL,
	"isr_withheld_cents" bigint DEFAULT 0 NOT NULL,
	"total_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bills_cfdi_uuid_unique" UNIQUE("cfdi_uuid"),
	CONSTRAINT "bills_paid_within_total" CHECK ("accounting"."bills"."paid_cents" >= 0 and "accounting"."bills"."paid_cents" <= "accounting"."bills"."total_cents"),
	CONSTRAINT "bills_total_positive" CHECK ("accounting"."bills"."total_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "accounting"."vendors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."vendors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"rfc" varchar(13) NOT NULL,
	"third_party_type" varchar(2) DEFAULT '04' NOT NULL,
	"operation_type" varchar(2) DEFAULT '85' NOT NULL,
	"foreign_tax_id" varchar(40),
	"country" varchar(3),
	"contact_name" varchar(200) DEFAULT '' NOT NULL,
	"email" varchar(254) DEFAULT '' NOT NULL,
	"phone" varchar(20) DEFAULT '' NOT NULL,
	"payment_terms" varchar(10) DEFAULT 'net30' NOT NULL,
	"default_expense_account_id" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounting"."bank_accounts" ADD CONSTRAINT "bank_accounts_ledger_account_id_accounts_id_fk" FOREIGN KEY ("ledger_account_id") REFERENCES "accounting"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."bank_rules" ADD CONSTRAINT "bank_rules_bank_account_id_bank_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "accounting"."bank_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."bank_rules" ADD CONSTRAINT "bank_rules_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounting"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."bank_transactions" ADD CONSTRAINT "bank_transactions_bank_account_id_bank_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "accounting"."bank_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."bank_transactions" ADD CONSTRAINT "bank_transactions_reconciliation_id_reconciliations_id_fk" FOREIGN KEY ("reconciliation_id") REFERENCES "accounting"."reconciliations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."reconciliation_matches" ADD CONSTRAINT "reconciliation_matches_reconciliation_id_reconciliations_id_fk" FOREIGN KEY ("reconciliation_id") REFERENCES "accounting"."reconciliations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."reconciliation_matches" ADD CONSTRAINT "reconciliation_matches_bank_transaction_id_bank_transactions_id_fk" FOREIGN KEY ("bank_transaction_id") REFERENCES "accounting"."bank_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."reconciliation_matches" ADD CONSTRAINT "reconciliation_matches_journal_line_id_journal_lines_id_fk" FOREIGN KEY ("journal_line_id") REFERENCES "accounting"."journal_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."reconciliations" ADD CONSTRAINT "reconciliations_bank_account_id_bank_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "accounting"."bank_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."bill_lines" ADD CONSTRAINT "bill_lines_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "accounting"."bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."bill_lines" ADD CONSTRAINT "bill_lines_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounting"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."bill_payments" ADD CONSTRAINT "bill_payments_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "accounting"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."bill_payments" ADD CONSTRAINT "bill_payments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounting"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."bills" ADD CONSTRAINT "bills_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "accounting"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."vendors" ADD CONSTRAINT "vendors_default_expense_account_id_accounts_id_fk" FOREIGN KEY ("default_expense_account_id") REFERENCES "accounting"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_transactions_hash" ON "accounting"."bank_transactions" USING btree ("bank_account_id","hash");--> statement-breakpoint
CREATE INDEX "idx_bank_tx_account_date" ON "accounting"."bank_transactions" USING btree ("bank_account_id","date");--> statement-breakpoint
CREATE INDEX "idx_match_bank_tx" ON "accounting"."reconciliation_matches" USING btree ("bank_transaction_id");--> statement-breakpoint
CREATE INDEX "idx_match_reconciliation" ON "accounting"."reconciliation_matches" USING btree ("reconciliation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliations_one_open" ON "accounting"."reconciliations" USING btree ("bank_account_id") WHERE "accounting"."reconciliations"."status" = 'open';--> statement-breakpoint
CREATE INDEX "idx_bill_line_bill" ON "accounting"."bill_lines" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "idx_bill_payment_bill" ON "accounting"."bill_payments" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "idx_bill_payment_paid_on" ON "accounting"."bill_payments" USING btree ("paid_on");--> statement-breakpoint
CREATE INDEX "idx_bill_vendor" ON "accounting"."bills" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "idx_bill_status_due" ON "accounting"."bills" USING btree ("status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "vendors_rfc_national" ON "accounting"."vendors" USING btree ("rfc") WHERE "accounting"."vendors"."third_party_type" = '04';