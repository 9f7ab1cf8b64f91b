CREATE TABLE "accounting"."purchase_receipts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."purchase_receipts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"movement_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"batch_number" varchar(100) DEFAULT '' NOT NULL,
	"quantity" integer NOT NULL,
	"unit_cost_cents" bigint NOT NULL,
	"cost_cents" bigint NOT NULL,
	"supplier" varchar(200) DEFAULT '' NOT NULL,
	"supplier_rfc" varchar(13),
	"received_on" date NOT NULL,
	CONSTRAINT "purchase_receipts_movement_id_unique" UNIQUE("movement_id")
);
--> statement-breakpoint
CREATE TABLE "accounting"."receipt_matches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounting"."receipt_matches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"bill_id" integer NOT NULL,
	"bill_line_id" integer NOT NULL,
	"receipt_id" integer NOT NULL,
	"billed_quantity" integer NOT NULL,
	"billed_unit_price_cents" bigint NOT NULL,
	"difference_cents" bigint NOT NULL,
	"quantity_mismatch" boolean NOT NULL,
	"price_mismatch" boolean NOT NULL,
	"amount_mismatch" boolean NOT NULL,
	"matched_by" uuid,
	"matched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "receipt_matches_bill_line_id_unique" UNIQUE("bill_line_id"),
	CONSTRAINT "receipt_matches_receipt_id_unique" UNIQUE("receipt_id"),
	CONSTRAINT "receipt_matches_quantity_positive" CHECK ("accounting"."receipt_matches"."billed_quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "store"."stock_batches" ADD COLUMN "supplier_rfc" varchar(13);--> statement-breakpoint
ALTER TABLE "accounting"."receipt_matches" ADD CONSTRAINT "receipt_matches_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "accounting"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."receipt_matches" ADD CONSTRAINT "receipt_matches_bill_line_id_bill_lines_id_fk" FOREIGN KEY ("bill_line_id") REFERENCES "accounting"."bill_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting"."receipt_matches" ADD CONSTRAINT "receipt_matches_receipt_id_purchase_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "accounting"."purchase_receipts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_purchase_receipt_rfc" ON "accounting"."purchase_receipts" USING btree ("supplier_rfc","received_on");--> statement-breakpoint
CREATE INDEX "idx_receipt_match_bill" ON "accounting"."receipt_matches" USING btree ("bill_id");--> statement-breakpoint
-- The receipts the ledger consumer has already seen (stock_received v1 carries no RFC): dated as the books dated their entry.
INSERT INTO "accounting"."purchase_receipts" ("movement_id", "product_id", "batch_number", "quantity", "unit_cost_cents", "cost_cents", "supplier", "supplier_rfc", "received_on")
SELECT (o.payload->>'movementId')::int, (o.payload->>'productId')::int, coalesce(o.payload->>'batchNumber', ''), (o.payload->>'quantity')::int,
       round((o.payload->>'unitCost')::numeric * 100)::bigint, round((o.payload->>'costAmount')::numeric * 100)::bigint,
       left(coalesce(o.payload->>'supplier', ''), 200), o.payload->>'supplierRfc',
       coalesce((SELECT min(e.date) FROM "accounting"."journal_entries" e WHERE e.reference = 'movement:' || (o.payload->>'movementId')), (o.payload->>'at')::timestamptz::date)
FROM "core"."outbox" o
WHERE o.name = 'store.stock_received'
ON CONFLICT ("movement_id") DO NOTHING;
