CREATE SCHEMA "privacy";
--> statement-breakpoint
CREATE TABLE "privacy"."requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "privacy"."requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"due_by" date NOT NULL,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"outcome" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backup"."exports" (
	"id" serial PRIMARY KEY NOT NULL,
	"requested_by" uuid NOT NULL,
	"status" varchar(10) DEFAULT 'queued' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"path" text,
	"bytes" bigint,
	"tables" integer,
	"files" integer,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "privacy"."requests" ADD CONSTRAINT "requests_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy"."requests" ADD CONSTRAINT "requests_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "accounts"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_requests_owner" ON "privacy"."requests" USING btree ("owner_id","requested_at");--> statement-breakpoint
CREATE INDEX "privacy_requests_open" ON "privacy"."requests" USING btree ("status","due_by");