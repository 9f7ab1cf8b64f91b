CREATE SCHEMA "omnichannel";
--> statement-breakpoint
CREATE TABLE "omnichannel"."channels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "omnichannel"."channels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(100) NOT NULL,
	"channel_type" varchar(20) NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "channels_channel_type_unique" UNIQUE("channel_type")
);
--> statement-breakpoint
CREATE TABLE "omnichannel"."conversations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "omnichannel"."conversations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid,
	"contact" varchar(200) NOT NULL,
	"channel_id" integer NOT NULL,
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"subject" varchar(500) DEFAULT '' NOT NULL,
	"assigned_to" uuid,
	"priority" varchar(20) DEFAULT 'normal' NOT NULL,
	"last_message_at" timestamp with time zone,
	"last_inbound_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_contact_channel" UNIQUE("contact","channel_id")
);
--> statement-breakpoint
CREATE TABLE "omnichannel"."message_templates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "omnichannel"."message_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"channel_type" varchar(20) NOT NULL,
	"language" varchar(5) NOT NULL,
	"category" varchar(50) DEFAULT 'utility' NOT NULL,
	"subject" varchar(200) DEFAULT '' NOT NULL,
	"content" text NOT NULL,
	"variables" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"whatsapp_template_id" varchar(100),
	"is_approved" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "message_templates_slug_channel_language" UNIQUE("slug","channel_type","language")
);
--> statement-breakpoint
CREATE TABLE "omnichannel"."messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "omnichannel"."messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"conversation_id" integer NOT NULL,
	"direction" varchar(10) NOT NULL,
	"sender_type" varchar(20) NOT NULL,
	"sender_id" uuid,
	"subject" varchar(300) DEFAULT '' NOT NULL,
	"content" text NOT NULL,
	"content_type" varchar(20) DEFAULT 'text' NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"external_id" varchar(200),
	"provider" varchar(30) DEFAULT '' NOT NULL,
	"status" varchar(20) NOT NULL,
	"error" text DEFAULT '' NOT NULL,
	"escalated_from" integer,
	"template" varchar(100),
	"is_read" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_external_unique" UNIQUE("provider","external_id")
);
--> statement-breakpoint
CREATE TABLE "omnichannel"."notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"preferred_channel" varchar(20) DEFAULT 'whatsapp' NOT NULL,
	"email_enabled" boolean DEFAULT true NOT NULL,
	"sms_enabled" boolean DEFAULT true NOT NULL,
	"whatsapp_enabled" boolean DEFAULT true NOT NULL,
	"reminders_enabled" boolean DEFAULT true NOT NULL,
	"marketing_enabled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "omnichannel"."reminders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "omnichannel"."reminders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"reminder_type" varchar(20) NOT NULL,
	"related_object_type" varchar(50),
	"related_object_id" integer,
	"scheduled_for" timestamp with time zone NOT NULL,
	"template" varchar(100),
	"template_vars" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"channel" varchar(20),
	"escalation_step" smallint DEFAULT 0 NOT NULL,
	"message_id" integer,
	"sent_at" timestamp with time zone,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP TABLE "appointments"."reminders" CASCADE;--> statement-breakpoint
ALTER TABLE "omnichannel"."conversations" ADD CONSTRAINT "conversations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omnichannel"."conversations" ADD CONSTRAINT "conversations_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "omnichannel"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omnichannel"."conversations" ADD CONSTRAINT "conversations_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omnichannel"."messages" ADD CONSTRAINT "messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "omnichannel"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omnichannel"."messages" ADD CONSTRAINT "messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omnichannel"."notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omnichannel"."reminders" ADD CONSTRAINT "reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_inbox_idx" ON "omnichannel"."conversations" USING btree ("status","last_message_at");--> statement-breakpoint
CREATE INDEX "conversations_owner_idx" ON "omnichannel"."conversations" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "idx_message_conversation" ON "omnichannel"."messages" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_message_created" ON "omnichannel"."messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "messages_unread_idx" ON "omnichannel"."messages" USING btree ("direction","is_read") WHERE "omnichannel"."messages"."direction" = 'inbound' and not "omnichannel"."messages"."is_read";--> statement-breakpoint
CREATE INDEX "reminders_due_idx" ON "omnichannel"."reminders" USING btree ("status","scheduled_for");--> statement-breakpoint
CREATE INDEX "reminders_related_idx" ON "omnichannel"."reminders" USING btree ("related_object_type","related_object_id");