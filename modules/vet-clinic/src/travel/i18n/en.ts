export const en: Record<string, string> = {
  'travel.destination.US': 'United States',
  'travel.destination.EU': 'European Union',
  'travel.destination.CA': 'Canada',

  'travel.min_age': 'Be at least {{months}} months old on arrival.',
  'travel.microchip': '{{standard}} microchip implanted and readable.',
  'travel.microchip_before_rabies': 'The microchip must be implanted before, or on the same day as, the rabies vaccination.',
  'travel.rabies_vaccine': 'Valid rabies vaccination, given at {{minAgeWeeks}} weeks of age or older.',
  'travel.rabies_from_age': 'Valid rabies vaccination certificate for dogs and cats {{months}} months of age or older.',
  'travel.rabies_wait':
    'At least {{days}} days must pass after the first rabies vaccination (or a revaccination given after the previous one lapsed) before entry.',
  'travel.cdc_dog_import_form': 'Receipt of the CDC Dog Import Form, submitted online {{fromDays}} to {{toDays}} days before arrival.',
  'travel.health_certificate': 'Health certificate signed by a veterinarian, issued within {{days}} days before travel (most airlines ask for it).',
  'travel.eu_health_certificate':
    'EU animal health certificate completed by the veterinarian and endorsed by SENASICA, issued no more than {{days}} days before entry; it then covers {{months}} months of travel within the EU.',
  'travel.cdc_low_risk_history': 'In the last {{months}} months the dog has only been in rabies-free or low-risk countries (such as Mexico).',
  'travel.healthy_on_arrival': 'Arrive healthy, with no signs of illness.',

  'travel.checklist.species_not_covered': 'We do not hold the travel rules for this species; please check with the destination authority.',
  'travel.checklist.min_age': 'Your pet turns {{months}} months old on {{date}} and cannot enter before then.',
  'travel.checklist.min_age_confirm': 'Confirm your pet will be at least {{months}} months old on arrival (no date of birth on file).',
  'travel.checklist.microchip': 'Microchip {{number}} on file.',
  'travel.checklist.microchip_needed': 'Implant a {{standard}} microchip by {{dueBy}}.',
  'travel.checklist.microchip_date_missing':
    'Record the date microchip {{number}} was implanted: the rabies vaccination only counts if given on or after that day. Deadline: {{dueBy}}.',
  'travel.checklist.rabies_not_required': 'No rabies vaccination needed: your pet will be under {{months}} months old on arrival.',
  'travel.checklist.rabies_valid': 'Rabies vaccination of {{date}}, valid until {{validUntil}}.',
  'travel.checklist.rabies_wait_not_met':
    'The rabies vaccination of {{date}} only becomes valid for entry on {{validFrom}} ({{days}} days later), after the travel date.',
  'travel.checklist.rabies_booster': 'The rabies vaccination expires on {{validUntil}}, before the trip: revaccinate by {{dueBy}}.',
  'travel.checklist.rabies_too_young':
    'Your pet can be vaccinated against rabies from {{eligibleOn}} ({{minAgeWeeks}} weeks old), but for this trip it would have to be vaccinated by {{dueBy}}.',
  'travel.checklist.rabies_before_microchip':
    'The rabies vaccination of {{date}} does not count because it is not shown to have been given after the microchip; revaccinate by {{dueBy}}.',
  'travel.checklist.rabies_needed': 'Give the rabies vaccination between {{from}} and {{dueBy}}.',
  'travel.checklist.cdc_dog_import_form': 'Submit the CDC Dog Import Form between {{from}} and {{to}} and bring the receipt.',
  'travel.checklist.health_certificate': 'Get the health certificate between {{from}} and {{to}}.',
  'travel.checklist.eu_health_certificate': 'Get the EU animal health certificate and have SENASICA endorse it between {{from}} and {{to}}.',

  // The same items addressed to the clinic team (the admin's travel plan).
  'travel.staff.checklist.species_not_covered': 'We do not hold the travel rules for this species: refer the owner to the destination authority.',
  'travel.staff.checklist.min_age': 'The patient turns {{months}} months old on {{date}} and cannot enter before then.',
  'travel.staff.checklist.min_age_confirm':
    'Confirm with the owner that the patient will be at least {{months}} months old on arrival, and record the date of birth.',
  'travel.staff.checklist.rabies_not_required': 'No rabies vaccination needed: the patient will be under {{months}} months old on arrival.',
  'travel.staff.checklist.microchip_date_missing':
    'Record on the chart the date microchip {{number}} was implanted: the rabies vaccination only counts if given on or after that day. Deadline: {{dueBy}}.',
  'travel.staff.checklist.rabies_too_young':
    'The patient can be vaccinated against rabies from {{eligibleOn}} ({{minAgeWeeks}} weeks old), but for this trip would have to be vaccinated by {{dueBy}}.',
  'travel.staff.checklist.cdc_dog_import_form': 'The owner submits the CDC Dog Import Form between {{from}} and {{to}} and brings the receipt.',
  'travel.staff.checklist.health_certificate': 'Issue and sign the health certificate between {{from}} and {{to}}.',
  'travel.staff.checklist.eu_health_certificate':
    'Fill in and sign the EU animal health certificate between {{from}} and {{to}}; the owner has SENASICA endorse it.',

  'travel.note.verify_official_sources': 'Requirements change: confirm them with the destination authority and your airline before travelling.',
  'travel.note.species_not_covered': 'For birds, rabbits and other species the rules depend on each country; check with the destination authority.',
  'travel.note.us_rabies_airlines_states':
    'The CDC does not require a rabies certificate for dogs coming from Mexico, but many airlines and states do require a valid rabies vaccination.',
  'travel.note.us_high_risk_history': 'If the dog has been in a high-risk rabies country in the last 6 months, stricter CDC requirements apply.',
  'travel.note.us_cat_state_rules': 'The CDC does not require rabies vaccination for cats, but some states do; check the rules of the destination state.',
  'travel.note.us_hawaii_guam': 'Hawaii and Guam have their own rules and quarantine.',
  'travel.note.eu_no_titer': 'Mexico is a listed country for the EU (Regulation 577/2013), so no rabies antibody test is needed.',
  'travel.note.eu_certificate_validity':
    'The certificate is valid for entry within 10 days of issue, then for 4 months of travel within the EU, or until the rabies vaccination expires if sooner.',
  'travel.note.eu_certificate_after_wait':
    'Many official veterinarians only sign the certificate once the 21 days after the rabies vaccination have passed: vaccinate more than a month ahead.',
  'travel.note.eu_echinococcus':
    'Dogs going to Finland, Ireland, Malta, Northern Ireland or Norway need an Echinococcus tapeworm treatment given by a veterinarian 1 to 5 days before arrival.',
  'travel.note.eu_max_five_pets': 'A non-commercial movement allows up to 5 pets per person.',
  'travel.note.eu_travellers_entry_point': 'Enter through a travellers’ point of entry and show the documents at the check.',
  'travel.note.ca_no_waiting_period': 'Canada imposes no waiting period after the rabies vaccination.',
  'travel.note.ca_under_three_months': 'Dogs and cats under 3 months do not need a rabies certificate but must arrive healthy; proof of age may be requested.',
  'travel.note.ca_certificate_content':
    'The rabies certificate must be in English or French and show breed, colour, weight, vaccine, serial number and duration of validity (one year if not stated).',

  'travel.destination.GB': 'Great Britain',
  'travel.destination.JP': 'Japan',
  'travel.destination.AR': 'Argentina',
  'travel.destination.CO': 'Colombia',
  'travel.rabies_doses': 'At least {{doses}} rabies vaccinations: each one at least {{days}} days after the previous, given before the previous one expires.',
  'travel.rabies_titre':
    'Rabies antibody test: blood sample taken on or after the day of the last vaccination, result of at least 0.5 IU/ml at a laboratory the destination approves; entry no sooner than {{days}} days after the sample, which counts for {{months}} months.',
  'travel.jp_advance_notification': 'Advance notification to Japan’s Animal Quarantine Service at least {{toDays}} days before arrival.',
  'travel.gb_tapeworm_treatment':
    'Tapeworm (Echinococcus) treatment with praziquantel, given by a veterinarian {{toDays}} to {{fromDays}} days (24 to 120 hours) before arrival.',
  'travel.parasite_treatment':
    'Recommended: internal and external parasite treatment {{toDays}} to {{fromDays}} days before arrival, written on the certificate (confirm the window with the authority).',
  'travel.gb_health_certificate':
    'Animal health certificate for Great Britain, completed by the veterinarian and endorsed by SENASICA, issued no more than {{days}} days before arrival.',
  'travel.jp_export_certificate':
    'Clinical inspection within {{days}} days before departure and the export certificate in Japan’s format, endorsed by SENASICA.',
  'travel.official_health_certificate':
    'Health certificate from a veterinarian, endorsed by SENASICA, stating the animal was examined within {{days}} days before travel and shows no signs of disease.',
  'travel.parasite_treatment_on_certificate': 'Recommended: treatment against internal and external parasites, written on the certificate.',
  'travel.core_vaccines_current':
    'Recommended: the species’ core vaccinations up to date (dogs: distemper, hepatitis, leptospirosis, parvovirus; cats: the core feline vaccines).',
  'travel.checklist.rabies_next_dose': 'Give the next rabies dose between {{from}} and {{dueBy}} (the previous one was on {{date}}).',
  'travel.checklist.rabies_course_needed':
    'Start the rabies vaccinations: the first dose between {{from}} and {{dueBy}}, {{doses}} doses in all, each at least {{days}} days after the previous.',
  'travel.checklist.rabies_titre_valid': 'Rabies antibody test sampled on {{date}}: passed, valid until {{validUntil}}.',
  'travel.checklist.rabies_titre_wait_not_met':
    'The antibody test sampled on {{date}} only allows entry from {{validFrom}} ({{days}} days later), after the travel date.',
  'travel.checklist.rabies_titre_needed':
    'Take the blood sample for the rabies antibody test between {{from}} and {{dueBy}}, after the last vaccination: entry is allowed {{days}} days after the sample.',
  'travel.checklist.rabies_titre_too_late':
    'The blood sample for the rabies antibody test would have had to be taken by {{dueBy}} ({{days}} days before arrival), after the last vaccination.',
  'travel.checklist.jp_advance_notification': 'Send the advance notification to Japan’s Animal Quarantine Service by {{to}}.',
  'travel.checklist.gb_tapeworm_treatment':
    'Have a veterinarian give the tapeworm treatment between {{from}} and {{to}}, 24 to 120 hours before arrival, with the date and time recorded.',
  'travel.checklist.parasite_treatment':
    'Give the internal and external parasite treatment between {{from}} and {{to}}, and have it written on the certificate.',
  'travel.checklist.gb_health_certificate': 'Get the animal health certificate for Great Britain and have SENASICA endorse it between {{from}} and {{to}}.',
  'travel.checklist.jp_export_certificate': 'Clinical inspection and Japan’s export certificate, endorsed by SENASICA, between {{from}} and {{to}}.',
  'travel.checklist.official_health_certificate': 'Get the health certificate and have SENASICA endorse it between {{from}} and {{to}}.',
  'travel.staff.checklist.jp_advance_notification': 'The owner sends the advance notification to Japan’s Animal Quarantine Service by {{to}}.',
  'travel.staff.checklist.gb_tapeworm_treatment':
    'Give the tapeworm treatment (praziquantel) between {{from}} and {{to}}, 24 to 120 hours before arrival, and record product, date and time.',
  'travel.staff.checklist.gb_health_certificate':
    'Fill in and sign the animal health certificate for Great Britain between {{from}} and {{to}}; the owner has SENASICA endorse it.',
  'travel.staff.checklist.jp_export_certificate':
    'Do the clinical inspection and fill in Japan’s export certificate between {{from}} and {{to}}; the owner has SENASICA endorse it.',
  'travel.staff.checklist.official_health_certificate': 'Issue and sign the health certificate between {{from}} and {{to}}; the owner has SENASICA endorse it.',
  'travel.note.gb_tapeworm_hours':
    'The tapeworm treatment must fall between 24 and 120 hours before the scheduled arrival time: plan it from the flight’s hour.',
  'travel.note.gb_listed_no_titre': 'Mexico is a listed country for Great Britain, so no rabies antibody test is needed.',
  'travel.note.gb_approved_route':
    'Pets must enter Great Britain with an approved transport company on an approved route (by air, usually in the hold or as cargo): check with the airline before booking.',
  'travel.note.gb_max_five_pets': 'A non-commercial movement allows up to 5 pets per person.',
  'travel.note.jp_leptospirosis': 'For dogs the certificate also states that the dog shows no signs of leptospirosis.',
  'travel.note.jp_designated_lab':
    'The antibody test must be done at a laboratory designated by Japan (list on the MAFF website); the sample may be taken the day of the last dose, and the result takes weeks.',
  'travel.note.jp_keep_vaccination':
    'Keep the rabies vaccination current with a booster before each dose expires: if it lapses, the vaccinations, the test and the 180 days start again.',
  'travel.note.jp_quarantine_if_short':
    'An animal that arrives before the 180 days have passed, or without the advance notification, is held at the quarantine station for up to 180 days.',
  'travel.note.ar_certificate_spanish': 'The certificate must be in Spanish (or come with a translation) and identify the owner and the animal.',
  'travel.note.ar_parasites_confirm': 'SENASA asks for the parasite treatment to appear on the certificate but publishes no window: confirm it with SENASA.',
  'travel.note.ar_inspection_fee': 'SENASA charges an inspection fee on arrival; animals that meet the requirements need no quarantine.',
  'travel.note.co_ica_inspection':
    'On arrival ICA inspects the animal and its documents and issues the Sanitary Inspection Certificate (CIS); request it online beforehand and bring proof of payment.',
  'travel.note.co_confirm_with_ica':
    'The parasite treatment window and the other vaccinations are recommendations here: confirm them with ICA before travelling.',
};
