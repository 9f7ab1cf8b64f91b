CREATE SCHEMA "loyalty";
--> statement-breakpoint
CREATE TABLE "loyalty"."lot_uses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "loyalty"."lot_uses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"debit_id" integer NOT NULL,
	"lot_id" integer NOT NULL,
	"points" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty"."memberships" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "loyalty"."memberships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"tier_id" integer NOT NULL,
	"current_points" integer DEFAULT 0 NOT NULL,
	"lifetime_points" integer DEFAULT 0 NOT NULL,
	"lifetime_spending" numeric(12, 2) DEFAULT '0' NOT NULL,
	"points_expiring_soon" integer DEFAULT 0 NOT NULL,
	"next_expiry_date" date,
	"expiry_notice_for" date,
	"referral_code" varchar(20) NOT NULL,
	"referrals_count" integer DEFAULT 0 NOT NULL,
	"referred_by_id" integer,
	"referral_completed_at" timestamp with time zone,
	"paid_invoices" integer DEFAULT 0 NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "memberships_owner_id_unique" UNIQUE("owner_id"),
	CONSTRAINT "memberships_referral_code_unique" UNIQUE("referral_code")
);
--> statement-breakpoint
CREATE TABLE "loyalty"."points_transactions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "loyalty"."points_transactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"membership_id" integer NOT NULL,
	"transaction_type" varchar(20) NOT NULL,
	"points" integer NOT NULL,
	"balance_after" integer NOT NULL,
	"description" varchar(500) NOT NULL,
	"order_id" integer,
	"invoice_id" integer,
	"reference" varchar(100),
	"amount" numeric(12, 2),
	"expires_at" date,
	"remaining" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_remaining_in_lot" CHECK ("loyalty"."points_transactions"."remaining" is null or ("loyalty"."points_transactions"."remaining" >= 0 and "loyalty"."points_transactions"."remaining" <= "loyalty"."points_transactions"."points"))
);
--> statement-breakpoint
CREATE TABLE "loyalty"."redemptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "loyalty"."redemptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"membership_id" integer NOT NULL,
	"reward_id" integer NOT NULL,
	"transaction_id" integer NOT NULL,
	"points" integer NOT NULL,
	"code" varchar(20) NOT NULL,
	"status" varchar(20) DEFAULT 'available' NOT NULL,
	"used_reference" varchar(100),
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "redemptions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "loyalty"."rewards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "loyalty"."rewards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"reward_type" varchar(20) NOT NULL,
	"points_cost" integer NOT NULL,
	"discount_percent" numeric(5, 2),
	"discount_amount" numeric(10, 2),
	"free_service_id" integer,
	"free_product_id" integer,
	"min_tier_id" integer,
	"quantity_available" integer,
	"valid_until" timestamp with time zone,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty"."tiers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "loyalty"."tiers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"min_points" integer DEFAULT 0 NOT NULL,
	"min_lifetime_spending" numeric(10, 2) NOT NULL,
	"points_multiplier" numeric(3, 2) DEFAULT '1' NOT NULL,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"free_services" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"color" varchar(20) DEFAULT '' NOT NULL,
	"icon" varchar(50) DEFAULT '' NOT NULL,
	"order" integer NOT NULL,
	CONSTRAINT "tiers_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "loyalty"."lot_uses" ADD CONSTRAINT "lot_uses_debit_id_points_transactions_id_fk" FOREIGN KEY ("debit_id") REFERENCES "loyalty"."points_transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty"."lot_uses" ADD CONSTRAINT "lot_uses_lot_id_points_transactions_id_fk" FOREIGN KEY ("lot_id") REFERENCES "loyalty"."points_transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty"."memberships" ADD CONSTRAINT "memberships_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty"."memberships" ADD CONSTRAINT "memberships_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "loyalty"."tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty"."memberships" ADD CONSTRAINT "memberships_referred_by_id_memberships_id_fk" FOREIGN KEY ("referred_by_id") REFERENCES "loyalty"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty"."points_transactions" ADD CONSTRAINT "points_transactions_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "loyalty"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty"."redemptions" ADD CONSTRAINT "redemptions_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "loyalty"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty"."redemptions" ADD CONSTRAINT "redemptions_reward_id_rewards_id_fk" FOREIGN KEY ("reward_id") REFERENCES "loyalty"."rewards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty"."redemptions" ADD CONSTRAINT "redemptions_transaction_id_points_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "loyalty"."points_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty"."rewards" ADD CONSTRAINT "rewards_min_tier_id_tiers_id_fk" FOREIGN KEY ("min_tier_id") REFERENCES "loyalty"."tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_lot_uses_debit" ON "loyalty"."lot_uses" USING btree ("debit_id");--> statement-breakpoint
CREATE INDEX "idx_membership_referred_by" ON "loyalty"."memberships" USING btree ("referred_by_id");--> statement-breakpoint
CREATE INDEX "idx_points_membership" ON "loyalty"."points_transactions" USING btree ("membership_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_points_lots" ON "loyalty"."points_transactions" USING btree ("membership_id","expires_at") WHERE "loyalty"."points_transactions"."remaining" > 0;--> statement-breakpoint
CREATE INDEX "idx_points_invoice" ON "loyalty"."points_transactions" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "idx_redemptions_membership" ON "loyalty"."redemptions" USING btree ("membership_id","status");