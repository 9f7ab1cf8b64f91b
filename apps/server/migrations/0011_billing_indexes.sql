DROP INDEX "billing"."idx_invoice_status";--> statement-breakpoint
CREATE INDEX "invoices_created_idx" ON "billing"."invoices" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_invoice_status" ON "billing"."invoices" USING btree ("status","created_at");