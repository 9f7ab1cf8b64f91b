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
