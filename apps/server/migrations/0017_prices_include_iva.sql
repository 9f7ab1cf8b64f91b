-- Shelf prices now include IVA: products, services and what orders and invoices recorded of them
-- become the figures customers saw (the old net price with the IVA of its class, rounded to the
-- centavo, as the store showed it). Invoices keep their CFDI amounts; each line keeps its net value
-- as its ValorUnitario. The factors are the rates the old prices were shown with.
UPDATE "store"."products" SET "price" = round("price" * CASE "tax_class" WHEN 'iva16' THEN 1.16 WHEN 'iva8' THEN 1.08 ELSE 1 END, 2), "compare_at_price" = round("compare_at_price" * CASE "tax_class" WHEN 'iva16' THEN 1.16 WHEN 'iva8' THEN 1.08 ELSE 1 END, 2);
--> statement-breakpoint
UPDATE "appointments"."service_types" SET "price" = round("price" * CASE "tax_class" WHEN 'iva16' THEN 1.16 WHEN 'iva8' THEN 1.08 ELSE 1 END, 2);
--> statement-breakpoint
UPDATE "store"."order_items" SET "unit_price" = round("unit_price" * CASE "tax_class" WHEN 'iva16' THEN 1.16 WHEN 'iva8' THEN 1.08 ELSE 1 END, 2), "discount_amount" = round("discount_amount" * CASE "tax_class" WHEN 'iva16' THEN 1.16 WHEN 'iva8' THEN 1.08 ELSE 1 END, 2);
--> statement-breakpoint
UPDATE "store"."orders" o SET
  "shipping_amount" = round(o."shipping_amount" * 1.16, 2),
  "subtotal" = s.gross,
  "discount_amount" = greatest(0, s.gross + round(o."shipping_amount" * 1.16, 2) - o."total")
FROM (SELECT "order_id", sum("quantity" * "unit_price") AS gross FROM "store"."order_items" GROUP BY "order_id") s
WHERE s."order_id" = o."id";
--> statement-breakpoint
UPDATE "billing"."invoice_line_items" SET
  "unit_value" = "unit_price",
  "unit_price" = round("unit_price" * CASE "tax_class" WHEN 'iva16' THEN 1.16 WHEN 'iva8' THEN 1.08 ELSE 1 END, 2),
  "fixed_discount" = round("fixed_discount" * CASE "tax_class" WHEN 'iva16' THEN 1.16 WHEN 'iva8' THEN 1.08 ELSE 1 END, 2);
