CREATE SCHEMA "backup";
--> statement-breakpoint
CREATE TABLE "backup"."runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"trigger" varchar(10) NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"path" text,
	"bytes" bigint,
	"error" text
);
