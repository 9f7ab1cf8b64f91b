CREATE SEQUENCE "core"."outbox_position" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "core"."event_consumers" (
	"name" text PRIMARY KEY NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."event_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"position" bigint NOT NULL,
	"error" text NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP TABLE "core"."event_deliveries" CASCADE;--> statement-breakpoint
DROP INDEX "core"."outbox_name_occurred_idx";--> statement-breakpoint
ALTER TABLE "core"."outbox" ADD COLUMN "position" bigint;--> statement-breakpoint
ALTER TABLE "core"."outbox" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."event_failures" ADD CONSTRAINT "event_failures_event_id_outbox_id_fk" FOREIGN KEY ("event_id") REFERENCES "core"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_failures_consumer_idx" ON "core"."event_failures" USING btree ("consumer","position");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_position_unique" ON "core"."outbox" USING btree ("position");--> statement-breakpoint
CREATE INDEX "outbox_name_position_idx" ON "core"."outbox" USING btree ("name","position");--> statement-breakpoint
-- Events already written take positions in the order they happened.
UPDATE "core"."outbox" o SET "position" = n.rn FROM (SELECT id, row_number() OVER (ORDER BY occurred_at, id) AS rn FROM "core"."outbox") n WHERE o.id = n.id;--> statement-breakpoint
SELECT setval('"core"."outbox_position"', coalesce((SELECT max("position") FROM "core"."outbox"), 0) + 1, false);--> statement-breakpoint
-- A new event takes its position as its transaction commits: a deferred trigger, under a lock held until
-- the commit ends, so positions follow commit order and no event ever appears below a position already seen.
CREATE FUNCTION "core"."outbox_take_position"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('core.outbox_position'));
  UPDATE "core"."outbox" SET "position" = nextval('"core"."outbox_position"') WHERE id = NEW.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "outbox_position_at_commit" AFTER INSERT ON "core"."outbox"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "core"."outbox_take_position"();
