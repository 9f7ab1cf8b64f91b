CREATE SCHEMA "store";
--> statement-breakpoint
CREATE TABLE "store"."cart_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."cart_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cart_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"pet_id" integer,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_items_product_once" UNIQUE("cart_id","product_id"),
	CONSTRAINT "cart_items_quantity_positive" CHECK ("store"."cart_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "store"."carts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."carts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid,
	"session_key" varchar(255),
	"coupon_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carts_owner_id_unique" UNIQUE("owner_id"),
	CONSTRAINT "carts_session_key_unique" UNIQUE("session_key"),
	CONSTRAINT "carts_owner_or_session" CHECK ("store"."carts"."owner_id" is not null or "store"."carts"."session_key" is not null)
);
--> statement-breakpoint
CREATE TABLE "store"."categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"parent_id" integer,
	"description" text DEFAULT '' NOT NULL,
	"image" varchar(300),
	"is_active" boolean DEFAULT true NOT NULL,
	"order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "categories_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "store"."controlled_log" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."controlled_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"product_id" integer NOT NULL,
	"batch_id" integer,
	"quantity" integer NOT NULL,
	"pet_id" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	"prescription_id" integer NOT NULL,
	"dispensed_by" uuid NOT NULL,
	"reference" varchar(50) DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store"."coupon_codes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."coupon_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(50) NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	"discount_type" varchar(10) NOT NULL,
	"discount_value" numeric(10, 2) NOT NULL,
	"minimum_purchase" numeric(10, 2) DEFAULT '0' NOT NULL,
	"max_uses" integer,
	"max_uses_per_customer" integer,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"is_active" boolean DEFAULT true NOT NULL,
	"times_used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "coupon_codes_code_unique" UNIQUE("code"),
	CONSTRAINT "coupon_value_positive" CHECK ("store"."coupon_codes"."discount_value" > 0),
	CONSTRAINT "coupon_percent_at_most_100" CHECK ("store"."coupon_codes"."discount_type" <> 'percent' or "store"."coupon_codes"."discount_value" <= 100),
	CONSTRAINT "coupon_uses_within_limit" CHECK ("store"."coupon_codes"."max_uses" is null or "store"."coupon_codes"."times_used" <= "store"."coupon_codes"."max_uses")
);
--> statement-breakpoint
CREATE TABLE "store"."coupon_redemptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."coupon_redemptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"coupon_id" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	"reference" varchar(50) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store"."order_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."order_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"pet_id" integer,
	"quantity" integer NOT NULL,
	"unit_price" numeric(10, 2) NOT NULL,
	"discount_amount" numeric(12, 6) DEFAULT '0' NOT NULL,
	"tax_class" varchar(10) NOT NULL,
	"total" numeric(10, 2) NOT NULL,
	CONSTRAINT "order_items_quantity_positive" CHECK ("store"."order_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "store"."orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_number" varchar(50) NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"payment_method" varchar(20) NOT NULL,
	"fulfilment" varchar(10) DEFAULT 'pickup' NOT NULL,
	"coupon_id" integer,
	"subtotal" numeric(10, 2) NOT NULL,
	"discount_amount" numeric(10, 2) DEFAULT '0' NOT NULL,
	"tax_amount" numeric(10, 2) NOT NULL,
	"shipping_amount" numeric(10, 2) DEFAULT '0' NOT NULL,
	"total" numeric(10, 2) NOT NULL,
	"shipping_address" jsonb,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "orders_order_number_unique" UNIQUE("order_number")
);
--> statement-breakpoint
CREATE TABLE "store"."product_images" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."product_images_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"product_id" integer NOT NULL,
	"image" varchar(300) NOT NULL,
	"alt_text" varchar(200) DEFAULT '' NOT NULL,
	"order" integer DEFAULT 0 NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store"."products" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"sku" varchar(50) NOT NULL,
	"barcode" varchar(50),
	"category_id" integer NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"short_description" varchar(500) DEFAULT '' NOT NULL,
	"price" numeric(10, 2) NOT NULL,
	"cost_price" numeric(10, 2),
	"compare_at_price" numeric(10, 2),
	"species" text[] DEFAULT '{}'::text[] NOT NULL,
	"life_stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"requires_prescription" boolean DEFAULT false NOT NULL,
	"is_controlled" boolean DEFAULT false NOT NULL,
	"prescription_name" varchar(200),
	"weight_kg" numeric(6, 3),
	"tax_class" varchar(10) DEFAULT 'iva16' NOT NULL,
	"clave_producto_sat" varchar(10) DEFAULT '01010101' NOT NULL,
	"clave_unidad_sat" varchar(5) DEFAULT 'H87' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_featured" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (core.f_unaccent(lower(name || ' ' || short_description || ' ' || sku))) STORED,
	CONSTRAINT "products_slug_unique" UNIQUE("slug"),
	CONSTRAINT "products_sku_unique" UNIQUE("sku"),
	CONSTRAINT "products_price_nonnegative" CHECK ("store"."products"."price" >= 0),
	CONSTRAINT "products_controlled_needs_rx" CHECK (not "store"."products"."is_controlled" or "store"."products"."requires_prescription")
);
--> statement-breakpoint
CREATE TABLE "store"."stock_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."stock_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"product_id" integer NOT NULL,
	"batch_number" varchar(100) DEFAULT '' NOT NULL,
	"quantity" integer NOT NULL,
	"expiry_date" date,
	"received_date" date NOT NULL,
	"cost_per_unit" numeric(10, 2),
	CONSTRAINT "stock_batches_quantity_nonnegative" CHECK ("store"."stock_batches"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "store"."stock_levels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."stock_levels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"product_id" integer NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"reorder_point" integer,
	"reorder_quantity" integer DEFAULT 0 NOT NULL,
	"location" varchar(100) DEFAULT '' NOT NULL,
	"last_count_date" date,
	CONSTRAINT "stock_levels_product_id_unique" UNIQUE("product_id"),
	CONSTRAINT "stock_levels_quantity_nonnegative" CHECK ("store"."stock_levels"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "store"."stock_movements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store"."stock_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"product_id" integer NOT NULL,
	"batch_id" integer,
	"quantity_change" integer NOT NULL,
	"quantity_after" integer NOT NULL,
	"reason" varchar(20) NOT NULL,
	"reference" varchar(50) DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_nonzero" CHECK ("store"."stock_movements"."quantity_change" <> 0)
);
--> statement-breakpoint
ALTER TABLE "store"."cart_items" ADD CONSTRAINT "cart_items_cart_id_carts_id_fk" FOREIGN KEY ("cart_id") REFERENCES "store"."carts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."cart_items" ADD CONSTRAINT "cart_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."cart_items" ADD CONSTRAINT "cart_items_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."carts" ADD CONSTRAINT "carts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."carts" ADD CONSTRAINT "carts_coupon_id_coupon_codes_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "store"."coupon_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."categories" ADD CONSTRAINT "categories_parent_id_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "store"."categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_log" ADD CONSTRAINT "controlled_log_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_log" ADD CONSTRAINT "controlled_log_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "store"."stock_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_log" ADD CONSTRAINT "controlled_log_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_log" ADD CONSTRAINT "controlled_log_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."controlled_log" ADD CONSTRAINT "controlled_log_dispensed_by_users_id_fk" FOREIGN KEY ("dispensed_by") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_coupon_id_coupon_codes_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "store"."coupon_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."order_items" ADD CONSTRAINT "order_items_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "store"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."order_items" ADD CONSTRAINT "order_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."order_items" ADD CONSTRAINT "order_items_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."orders" ADD CONSTRAINT "orders_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."orders" ADD CONSTRAINT "orders_coupon_id_coupon_codes_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "store"."coupon_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."product_images" ADD CONSTRAINT "product_images_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."products" ADD CONSTRAINT "products_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "store"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."stock_batches" ADD CONSTRAINT "stock_batches_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."stock_levels" ADD CONSTRAINT "stock_levels_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."stock_movements" ADD CONSTRAINT "stock_movements_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "store"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."stock_movements" ADD CONSTRAINT "stock_movements_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "store"."stock_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store"."stock_movements" ADD CONSTRAINT "stock_movements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coupon_redemptions_owner_idx" ON "store"."coupon_redemptions" USING btree ("coupon_id","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_redemptions_once" ON "store"."coupon_redemptions" USING btree ("coupon_id","reference");--> statement-breakpoint
CREATE INDEX "order_items_order_idx" ON "store"."order_items" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "idx_order_owner" ON "store"."orders" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_order_status" ON "store"."orders" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_order_created" ON "store"."orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_product_category" ON "store"."products" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "idx_product_active" ON "store"."products" USING btree ("is_active");--> statement-breakpoint
CREATE INDEX "products_search_trgm" ON "store"."products" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "stock_batches_fefo_idx" ON "store"."stock_batches" USING btree ("product_id","expiry_date");--> statement-breakpoint
CREATE INDEX "stock_batches_expiry_idx" ON "store"."stock_batches" USING btree ("expiry_date");--> statement-breakpoint
CREATE INDEX "stock_movements_product_idx" ON "store"."stock_movements" USING btree ("product_id","created_at");