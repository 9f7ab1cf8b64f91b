CREATE TABLE "vet_clinic"."rabies_titre_tests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vet_clinic"."rabies_titre_tests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pet_id" integer NOT NULL,
	"sampled_on" date NOT NULL,
	"result_iu_per_ml" numeric(6, 2) NOT NULL,
	"laboratory" varchar(200) DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rabies_titre_tests_result_non_negative" CHECK ("vet_clinic"."rabies_titre_tests"."result_iu_per_ml" >= 0)
);
--> statement-breakpoint
ALTER TABLE "vet_clinic"."rabies_titre_tests" ADD CONSTRAINT "rabies_titre_tests_pet_id_pets_id_fk" FOREIGN KEY ("pet_id") REFERENCES "vet_clinic"."pets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vet_clinic"."rabies_titre_tests" ADD CONSTRAINT "rabies_titre_tests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "accounts"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rabies_titre_tests_pet_idx" ON "vet_clinic"."rabies_titre_tests" USING btree ("pet_id","sampled_on");