CREATE TABLE "vet_clinic"."declined_recommendations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."declined_recommendations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"visit_id" integer NOT NULL,
	"pet_id" integer NOT NULL,
	"service" varchar(200) NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "marketing"."campaign_recipients" ADD COLUMN "clicked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "marketing"."campaign_recipients" ADD COLUMN "click_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "marketing"."enrolments" ADD COLUMN "detail" varchar(200);--> statement-breakpoint
ALTER TABLE "vet_clinic"."declined_recommendations" ADD CONSTRAINT "declined_recommendations_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "vet_clinic"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."declined_recommendations" ADD CONSTRAINT "declined_recommendations_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."declined_recommendations" ADD CONSTRAINT "declined_recommendations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "declined_recommendations_visit_idx" ON "vet_clinic"."declined_recommendations" USING btree ("visit_id");