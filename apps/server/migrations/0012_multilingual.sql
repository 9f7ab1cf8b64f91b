CREATE SCHEMA "multilingual";
--> statement-breakpoint
CREATE TABLE "multilingual"."languages" (
	"code" varchar(5) PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"native_name" varchar(100) NOT NULL,
	"is_core" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "languages_code_format" CHECK ("multilingual"."languages"."code" ~ '^[a-z]{2,3}(-[A-Za-z]{2})?$')
);
--> statement-breakpoint
CREATE TABLE "multilingual"."translation_cache" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "multilingual"."translation_cache_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"content_hash" varchar(64) NOT NULL,
	"source_language" varchar(5) NOT NULL,
	"target_language" varchar(5) NOT NULL,
	"translation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "translation_cache_hash_target" UNIQUE("content_hash","target_language")
);
--> statement-breakpoint
CREATE TABLE "multilingual"."translations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "multilingual"."translations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"content_type" varchar(100) NOT NULL,
	"object_id" integer NOT NULL,
	"field_name" varchar(100) NOT NULL,
	"language" varchar(5) NOT NULL,
	"translation" text NOT NULL,
	"source_text" text DEFAULT '' NOT NULL,
	"source_hash" varchar(64) NOT NULL,
	"is_ai_generated" boolean DEFAULT false NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "translations_object_field_language" UNIQUE("content_type","object_id","field_name","language"),
	CONSTRAINT "translations_object_id_positive" CHECK ("multilingual"."translations"."object_id" >= 0)
);
--> statement-breakpoint
ALTER TABLE "multilingual"."translations" ADD CONSTRAINT "translations_language_languages_code_fk" FOREIGN KEY ("language") REFERENCES "multilingual"."languages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "multilingual"."translations" ADD CONSTRAINT "translations_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "translation_cache_created" ON "multilingual"."translation_cache" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "translations_review_queue" ON "multilingual"."translations" USING btree ("language","reviewed_at","id");