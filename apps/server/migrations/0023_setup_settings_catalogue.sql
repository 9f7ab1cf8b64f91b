CREATE SCHEMA "setup";
--> statement-breakpoint
CREATE TABLE "core"."settings" (
	"block" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_block_key_pk" PRIMARY KEY("block","key")
);
--> statement-breakpoint
CREATE TABLE "setup"."steps" (
	"step" varchar(20) PRIMARY KEY NOT NULL,
	"outcome" varchar(10) NOT NULL,
	"by_user" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD COLUMN "order" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD COLUMN "online_bookable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD COLUMN "deposit" numeric(10, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD CONSTRAINT "service_types_deposit_within_price" CHECK ("appointments"."service_types"."deposit" >= 0 and "appointments"."service_types"."deposit" <= "appointments"."service_types"."price");