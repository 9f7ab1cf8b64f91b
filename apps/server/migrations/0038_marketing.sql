CREATE SCHEMA "marketing";
--> statement-breakpoint
CREATE TABLE "marketing"."attributions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "marketing"."attributions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"source_ref" varchar(60) NOT NULL,
	"amount" numeric(12, 2),
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "attributions_once" UNIQUE("campaign_id","source_ref")
);
--> statement-breakpoint
CREATE TABLE "marketing"."bookings" (
	"appointment_id" integer PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"pet_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing"."campaign_recipients" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "marketing"."campaign_recipients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	"channel" varchar(20) NOT NULL,
	"address" varchar(254) NOT NULL,
	"language" varchar(5) NOT NULL,
	"state" varchar(20) DEFAULT 'queued' NOT NULL,
	"message_id" integer,
	"error" text,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_recipients_once" UNIQUE("campaign_id","owner_id")
);
--> statement-breakpoint
CREATE TABLE "marketing"."campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "marketing"."campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"segment_id" integer,
	"channel" varchar(20) DEFAULT 'preferred' NOT NULL,
	"content" jsonb NOT NULL,
	"status" varchar(20) DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"rates" jsonb NOT NULL,
	"attribution_days" integer DEFAULT 14 NOT NULL,
	"queued_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing"."consent_log" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "marketing"."consent_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"granted" boolean NOT NULL,
	"source" varchar(40) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing"."enrolments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "marketing"."enrolments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sequence_id" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	"pet_id" integer DEFAULT 0 NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	"state" varchar(20) DEFAULT 'active' NOT NULL,
	"stop_reason" varchar(40),
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolments_step_not_negative" CHECK ("marketing"."enrolments"."step" >= 0)
);
--> statement-breakpoint
CREATE TABLE "marketing"."sequences" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "marketing"."sequences_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" varchar(40) NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"steps" jsonb NOT NULL,
	"stop_on_booking" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sequences_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "marketing"."suppressions" (
	"channel" varchar(20) NOT NULL,
	"address" varchar(254) NOT NULL,
	"reason" varchar(20) NOT NULL,
	"owner_id" uuid,
	"campaign_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppressions_channel_address_pk" PRIMARY KEY("channel","address")
);
--> statement-breakpoint
ALTER TABLE "omnichannel"."messages" ADD COLUMN "delivery" jsonb;--> statement-breakpoint
ALTER TABLE "marketing"."attributions" ADD CONSTRAINT "attributions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "marketing"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing"."attributions" ADD CONSTRAINT "attributions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing"."bookings" ADD CONSTRAINT "bookings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing"."campaign_recipients" ADD CONSTRAINT "campaign_recipients_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "marketing"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing"."campaign_recipients" ADD CONSTRAINT "campaign_recipients_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing"."campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing"."consent_log" ADD CONSTRAINT "consent_log_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing"."enrolments" ADD CONSTRAINT "enrolments_sequence_id_sequences_id_fk" FOREIGN KEY ("sequence_id") REFERENCES "marketing"."sequences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing"."enrolments" ADD CONSTRAINT "enrolments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing"."suppressions" ADD CONSTRAINT "suppressions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attributions_campaign" ON "marketing"."attributions" USING btree ("campaign_id","kind");--> statement-breakpoint
CREATE INDEX "bookings_owner" ON "marketing"."bookings" USING btree ("owner_id","at");--> statement-breakpoint
CREATE INDEX "campaign_recipients_queue" ON "marketing"."campaign_recipients" USING btree ("campaign_id","channel","id") WHERE "marketing"."campaign_recipients"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "campaign_recipients_message" ON "marketing"."campaign_recipients" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_owner" ON "marketing"."campaign_recipients" USING btree ("owner_id","sent_at");--> statement-breakpoint
CREATE INDEX "consent_log_owner" ON "marketing"."consent_log" USING btree ("owner_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_one_active" ON "marketing"."enrolments" USING btree ("sequence_id","owner_id","pet_id") WHERE "marketing"."enrolments"."state" = 'active';--> statement-breakpoint
CREATE INDEX "enrolments_owner" ON "marketing"."enrolments" USING btree ("sequence_id","owner_id","pet_id","enrolled_at");--> statement-breakpoint
CREATE INDEX "enrolments_due" ON "marketing"."enrolments" USING btree ("next_at") WHERE "marketing"."enrolments"."state" = 'active';