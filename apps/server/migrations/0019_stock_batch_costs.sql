-- Batches received without a cost are valued at their product's cost price (or zero when nothing is known),
-- so that unit_cost can be required from now on.
UPDATE "store"."stock_batches" b SET "cost_per_unit" = coalesce(p."cost_price", 0)
FROM "store"."products" p WHERE p."id" = b."product_id" AND b."cost_per_unit" IS NULL;
