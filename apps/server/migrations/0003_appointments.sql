CREATE SCHEMA "appointments";
--> statement-breakpoint
CREATE TABLE "appointments"."appointment_status_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointments"."appointment_status_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"appointment_id" integer NOT NULL,
	"from_status" varchar(20),
	"to_status" varchar(20) NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments"."appointments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointments"."appointments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"pet_id" integer NOT NULL,
	"service_type_id" integer NOT NULL,
	"staff_id" uuid NOT NULL,
	"date" date NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"reason" varchar(300) DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"created_via" varchar(20) NOT NULL,
	"confirmed_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text DEFAULT '' NOT NULL,
	"follow_up_of" integer,
	"reminder_sent" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_order" CHECK ("appointments"."appointments"."ends_at" > "appointments"."appointments"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "appointments"."holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"name" varchar(200) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments"."reminders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointments"."reminders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"appointment_id" integer,
	"reminder_type" varchar(20) NOT NULL,
	"channel" varchar(20) NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"response" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments"."service_categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointments"."service_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"icon" varchar(50) DEFAULT '' NOT NULL,
	"order" smallint DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "service_categories_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "appointments"."service_types" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointments"."service_types_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"category_id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"price" numeric(10, 2) NOT NULL,
	"price_varies" boolean DEFAULT false NOT NULL,
	"requires_consultation" boolean DEFAULT false NOT NULL,
	"species" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_emergency" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "service_types_slug_unique" UNIQUE("slug"),
	CONSTRAINT "service_types_duration_positive" CHECK ("appointments"."service_types"."duration_minutes" > 0),
	CONSTRAINT "service_types_price_nonnegative" CHECK ("appointments"."service_types"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "appointments"."staff_days_off" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointments"."staff_days_off_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"staff_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"reason" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "staff_days_off_order" CHECK ("appointments"."staff_days_off"."end_date" >= "appointments"."staff_days_off"."start_date")
);
--> statement-breakpoint
CREATE TABLE "appointments"."staff_schedules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointments"."staff_schedules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"staff_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	CONSTRAINT "staff_schedules_weekday" CHECK ("appointments"."staff_schedules"."weekday" between 0 and 6),
	CONSTRAINT "staff_schedules_order" CHECK ("appointments"."staff_schedules"."end_time" > "appointments"."staff_schedules"."start_time")
);
--> statement-breakpoint
CREATE TABLE "appointments"."staff_services" (
	"staff_id" uuid NOT NULL,
	"service_type_id" integer NOT NULL,
	CONSTRAINT "staff_services_staff_id_service_type_id_pk" PRIMARY KEY("staff_id","service_type_id")
);
--> statement-breakpoint
CREATE TABLE "appointments"."time_blocks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointments"."time_blocks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"staff_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" varchar(200) NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_blocks_order" CHECK ("appointments"."time_blocks"."ends_at" > "appointments"."time_blocks"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "appointments"."appointment_status_changes" ADD CONSTRAINT "appointment_status_changes_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "appointments"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."appointment_status_changes" ADD CONSTRAINT "appointment_status_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_service_type_id_service_types_id_fk" FOREIGN KEY ("service_type_id") REFERENCES "appointments"."service_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."reminders" ADD CONSTRAINT "reminders_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "appointments"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."service_types" ADD CONSTRAINT "service_types_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "appointments"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."staff_days_off" ADD CONSTRAINT "staff_days_off_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."staff_schedules" ADD CONSTRAINT "staff_schedules_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."staff_services" ADD CONSTRAINT "staff_services_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."staff_services" ADD CONSTRAINT "staff_services_service_type_id_service_types_id_fk" FOREIGN KEY ("service_type_id") REFERENCES "appointments"."service_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."time_blocks" ADD CONSTRAINT "time_blocks_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."time_blocks" ADD CONSTRAINT "time_blocks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_status_changes_idx" ON "appointments"."appointment_status_changes" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "idx_appointment_date_status" ON "appointments"."appointments" USING btree ("date","status");--> statement-breakpoint
CREATE INDEX "idx_appointment_owner" ON "appointments"."appointments" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "idx_appointment_pet" ON "appointments"."appointments" USING btree ("pet_id");--> statement-breakpoint
CREATE INDEX "appointments_staff_time_idx" ON "appointments"."appointments" USING btree ("staff_id","starts_at");--> statement-breakpoint
CREATE INDEX "reminders_due_idx" ON "appointments"."reminders" USING btree ("status","scheduled_for");--> statement-breakpoint
CREATE INDEX "staff_days_off_idx" ON "appointments"."staff_days_off" USING btree ("staff_id","start_date");--> statement-breakpoint
CREATE INDEX "staff_schedules_staff_idx" ON "appointments"."staff_schedules" USING btree ("staff_id","weekday");--> statement-breakpoint
CREATE INDEX "time_blocks_range_idx" ON "appointments"."time_blocks" USING btree ("starts_at","ends_at");