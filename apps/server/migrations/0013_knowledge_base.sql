CREATE SCHEMA "ai_assistant";
--> statement-breakpoint
-- array_to_string() is only STABLE, so it cannot feed a generated column; for text[] it is immutable.
CREATE OR REPLACE FUNCTION ai_assistant.f_words(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_to_string($1, ' ') $$;
--> statement-breakpoint
CREATE TABLE "ai_assistant"."knowledge_base" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ai_assistant"."knowledge_base_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" varchar(500) NOT NULL,
	"slug" varchar(200) NOT NULL,
	"category" varchar(100) NOT NULL,
	"content" text NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"language" varchar(5) DEFAULT 'es' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"view_count" integer DEFAULT 0 NOT NULL,
	"helpful_count" integer DEFAULT 0 NOT NULL,
	"not_helpful_count" integer DEFAULT 0 NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector(case language when 'en' then 'english'::regconfig when 'de' then 'german'::regconfig when 'fr' then 'french'::regconfig when 'it' then 'italian'::regconfig else 'spanish'::regconfig end, core.f_unaccent(lower(title || ' ' || content || ' ' || ai_assistant.f_words(keywords))))) STORED,
	"title_search" text GENERATED ALWAYS AS (core.f_unaccent(lower(title))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_base_slug_language" UNIQUE("slug","language"),
	CONSTRAINT "knowledge_base_counts" CHECK ("ai_assistant"."knowledge_base"."view_count" >= 0 and "ai_assistant"."knowledge_base"."helpful_count" >= 0 and "ai_assistant"."knowledge_base"."not_helpful_count" >= 0),
	CONSTRAINT "knowledge_base_slug_format" CHECK ("ai_assistant"."knowledge_base"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE INDEX "knowledge_base_search" ON "ai_assistant"."knowledge_base" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "knowledge_base_title_trgm" ON "ai_assistant"."knowledge_base" USING gin ("title_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "knowledge_base_category" ON "ai_assistant"."knowledge_base" USING btree ("language","category");