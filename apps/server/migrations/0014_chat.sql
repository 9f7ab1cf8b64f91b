CREATE TABLE "ai_assistant"."chat_messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ai_assistant"."chat_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"session_id" integer NOT NULL,
	"role" varchar(20) NOT NULL,
	"content" text NOT NULL,
	"tool_calls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tool_results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actions" jsonb DEFAULT '{"buttons":[],"links":[]}'::jsonb NOT NULL,
	"tokens_used" integer DEFAULT 0 NOT NULL,
	"model" varchar(100) DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_messages_tokens" CHECK ("ai_assistant"."chat_messages"."tokens_used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ai_assistant"."chat_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ai_assistant"."chat_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid,
	"session_key" varchar(255),
	"channel" varchar(20) DEFAULT 'web' NOT NULL,
	"language" varchar(5) DEFAULT 'es' NOT NULL,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"message_count" integer DEFAULT 0 NOT NULL,
	"resolved" boolean DEFAULT false NOT NULL,
	"handed_off_at" timestamp with time zone,
	CONSTRAINT "chat_sessions_caller" CHECK ("ai_assistant"."chat_sessions"."owner_id" is not null or "ai_assistant"."chat_sessions"."session_key" is not null),
	CONSTRAINT "chat_sessions_count" CHECK ("ai_assistant"."chat_sessions"."message_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "ai_assistant"."chat_messages" ADD CONSTRAINT "chat_messages_session_id_chat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "ai_assistant"."chat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_assistant"."chat_sessions" ADD CONSTRAINT "chat_sessions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_messages_session" ON "ai_assistant"."chat_messages" USING btree ("session_id","id");--> statement-breakpoint
CREATE INDEX "chat_sessions_owner" ON "ai_assistant"."chat_sessions" USING btree ("owner_id","last_message_at");--> statement-breakpoint
CREATE INDEX "chat_sessions_key" ON "ai_assistant"."chat_sessions" USING btree ("session_key");--> statement-breakpoint
CREATE INDEX "chat_sessions_handoff" ON "ai_assistant"."chat_sessions" USING btree ("handed_off_at");--> statement-breakpoint
CREATE INDEX "chat_sessions_recent" ON "ai_assistant"."chat_sessions" USING btree ("last_message_at");