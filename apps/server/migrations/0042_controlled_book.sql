CREATE TABLE "store"."controlled_balances" (
	"product_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"balance" integer NOT NULL,
	"last_entry_id" integer,
	CONSTRAINT "controlled_balances_product_id_batch_id_pk" PRIMARY KEY("product_id","batch_id"),
	CONSTRAINT "controlled_balances_nonnegative" CHECK ("store"."controlled_balances"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "store"."controlled_counts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."controlled_counts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"product_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"counted" integer NOT NULL,
	"expected" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"status" varchar(10) NOT NULL,
	"counted_by" uuid NOT NULL,
	"approved_by" uuid,
	"entry_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	CONSTRAINT "controlled_counts_nonnegative" CHECK ("store"."controlled_counts"."counted" >= 0),
	CONSTRAINT "controlled_counts_reasoned" CHECK ("store"."controlled_counts"."counted" = "store"."controlled_counts"."expected" or length(trim("store"."controlled_counts"."reason")) > 0),
	CONSTRAINT "controlled_counts_four_eyes" CHECK ("store"."controlled_counts"."approved_by" is null or "store"."controlled_counts"."approved_by" <> "store"."controlled_counts"."counted_by")
);
--> statement-breakpoint
CREATE TABLE "store"."controlled_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."controlled_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"product_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"type" varchar(20) NOT NULL,
	"quantity" integer NOT NULL,
	"balance" integer NOT NULL,
	"movement_id" integer,
	"pet_id" integer,
	"owner_id" uuid,
	"visit_id" integer,
	"prescription_id" integer,
	"dose" numeric(10, 3),
	"dose_unit" varchar(10),
	"route" varchar(10),
	"by" uuid,
	"license_number" varchar(50),
	"witness_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"reference" varchar(50) DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "controlled_entries_nonzero" CHECK ("store"."controlled_entries"."quantity" <> 0),
	CONSTRAINT "controlled_entries_balance_nonnegative" CHECK ("store"."controlled_entries"."balance" >= 0),
	CONSTRAINT "controlled_entries_waste_witnessed" CHECK ("store"."controlled_entries"."type" <> 'waste' or ("store"."controlled_entries"."witness_id" is not null and "store"."controlled_entries"."witness_id" <> "store"."controlled_entries"."by"))
);
--> statement-breakpoint
ALTER TABLE "store"."controlled_log" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "store"."controlled_log" CASCADE;--> statement-breakpoint
ALTER TABLE "store"."products" ADD COLUMN "controlled_group" varchar(5);--> statement-breakpoint
ALTER TABLE "store"."controlled_balances" ADD CONSTRAINT "controlled_balances_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_balances" ADD CONSTRAINT "controlled_balances_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "store"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_counts" ADD CONSTRAINT "controlled_counts_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_counts" ADD CONSTRAINT "controlled_counts_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "store"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_counts" ADD CONSTRAINT "controlled_counts_counted_by_users_id_fk" FOREIGN KEY ("counted_by") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_counts" ADD CONSTRAINT "controlled_counts_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_counts" ADD CONSTRAINT "controlled_counts_entry_id_controlled_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "store"."controlled_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_entries" ADD CONSTRAINT "controlled_entries_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_entries" ADD CONSTRAINT "controlled_entries_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "store"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_entries" ADD CONSTRAINT "controlled_entries_movement_id_stock_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "store"."stock_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_entries" ADD CONSTRAINT "controlled_entries_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_entries" ADD CONSTRAINT "controlled_entries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_entries" ADD CONSTRAINT "controlled_entries_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_entries" ADD CONSTRAINT "controlled_entries_witness_id_users_id_fk" FOREIGN KEY ("witness_id") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "controlled_entries_batch_idx" ON "store"."controlled_entries" USING btree ("product_id","batch_id","id");--> statement-breakpoint
CREATE INDEX "controlled_entries_created_idx" ON "store"."controlled_entries" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "store"."products" ADD CONSTRAINT "products_controlled_group_known" CHECK ("store"."products"."controlled_group" is null or "store"."products"."controlled_group" in ('E', 'I', 'II', 'III', 'IV', 'V'));--> statement-breakpoint
-- The controlled-drug book is append-only: a correction is a new adjustment line, never an edit.
CREATE FUNCTION "store"."controlled_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the controlled-drug book is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "controlled_entries_append_only" BEFORE UPDATE OR DELETE ON "store"."controlled_entries"
  FOR EACH ROW EXECUTE FUNCTION "store"."controlled_entries_append_only"();--> statement-breakpoint
CREATE TRIGGER "controlled_entries_no_truncate" BEFORE TRUNCATE ON "store"."controlled_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "store"."controlled_entries_append_only"();
