CREATE TABLE "omnichannel"."staff_notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "omnichannel"."staff_notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" varchar(200) NOT NULL,
	"roles" text[] NOT NULL,
	"message_key" varchar(200) NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dismissed_at" timestamp with time zone,
	"dismissed_by" uuid
);
--> statement-breakpoint
ALTER TABLE "omnichannel"."staff_notices" ADD CONSTRAINT "staff_notices_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "accounts"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_notices_open_key" ON "omnichannel"."staff_notices" USING btree ("key") WHERE "omnichannel"."staff_notices"."dismissed_at" is null;--> statement-breakpoint
CREATE INDEX "staff_notices_updated_idx" ON "omnichannel"."staff_notices" USING btree ("updated_at");