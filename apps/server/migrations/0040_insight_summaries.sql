CREATE TABLE "competitive_intel"."insight_summaries" (
	"language" varchar(10) PRIMARY KEY NOT NULL,
	"facts_hash" varchar(64) NOT NULL,
	"text" text NOT NULL,
	"written_at" timestamp with time zone NOT NULL
);
