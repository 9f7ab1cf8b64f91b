export const de: Record<string, string> = {
  'travel.destination.US': 'Vereinigte Staaten',
  'travel.destination.EU': 'Europäische Union',
  'travel.destination.CA': 'Kanada',

  'travel.min_age': 'Bei Ankunft mindestens {{months}} Monate alt sein.',
  'travel.microchip': 'Lesbarer Mikrochip nach {{standard}}.',
  'travel.microchip_before_rabies': 'Der Mikrochip muss vor oder am selben Tag wie die Tollwutimpfung gesetzt werden.',
  'travel.rabies_vaccine': 'Gültige Tollwutimpfung, verabreicht ab einem Alter von {{minAgeWeeks}} Wochen.',
  'travel.rabies_from_age': 'Gültige Tollwut-Impfbescheinigung für Hunde und Katzen ab {{months}} Monaten.',
  'travel.rabies_wait':
    'Nach der ersten Tollwutimpfung (oder einer Wiederholung nach Ablauf der vorherigen) müssen vor der Einreise mindestens {{days}} Tage vergehen.',
  'travel.cdc_dog_import_form': 'Bestätigung des CDC Dog Import Form, online {{fromDays}} bis {{toDays}} Tage vor Ankunft eingereicht.',
  'travel.health_certificate':
    'Von einem Tierarzt unterschriebenes Gesundheitszeugnis, ausgestellt innerhalb von {{days}} Tagen vor der Reise (von den meisten Fluggesellschaften verlangt).',
  'travel.eu_health_certificate':
    'EU-Tiergesundheitsbescheinigung, vom Tierarzt ausgefüllt und von SENASICA bestätigt, höchstens {{days}} Tage vor der Einreise ausgestellt; danach gilt sie {{months}} Monate für Reisen innerhalb der EU.',
  'travel.cdc_low_risk_history': 'Der Hund war in den letzten {{months}} Monaten nur in tollwutfreien Ländern oder Ländern mit geringem Risiko (wie Mexiko).',
  'travel.healthy_on_arrival': 'Gesund und ohne Krankheitszeichen ankommen.',

  'travel.checklist.species_not_covered': 'Für diese Tierart liegen uns keine Reiseregeln vor; bitte bei der Behörde des Ziellandes nachfragen.',
  'travel.checklist.min_age': 'Ihr Tier wird am {{date}} {{months}} Monate alt und darf vorher nicht einreisen.',
  'travel.checklist.min_age_confirm': 'Bestätigen Sie, dass Ihr Tier bei Ankunft mindestens {{months}} Monate alt ist (kein Geburtsdatum erfasst).',
  'travel.checklist.microchip': 'Mikrochip {{number}} erfasst.',
  'travel.checklist.microchip_needed': 'Bis spätestens {{dueBy}} einen Mikrochip nach {{standard}} setzen.',
  'travel.checklist.microchip_date_missing':
    'Erfassen Sie, wann der Mikrochip {{number}} gesetzt wurde: Die Tollwutimpfung zählt nur, wenn sie an diesem Tag oder danach erfolgte. Frist: {{dueBy}}.',
  'travel.checklist.rabies_not_required': 'Keine Tollwutimpfung nötig: Ihr Tier ist bei Ankunft jünger als {{months}} Monate.',
  'travel.checklist.rabies_valid': 'Tollwutimpfung vom {{date}}, gültig bis {{validUntil}}.',
  'travel.checklist.rabies_wait_not_met':
    'Die Tollwutimpfung vom {{date}} gilt für die Einreise erst ab {{validFrom}} ({{days}} Tage später), also nach dem Reisedatum.',
  'travel.checklist.rabies_booster': 'Die Tollwutimpfung läuft am {{validUntil}} ab, vor der Reise: bis spätestens {{dueBy}} nachimpfen.',
  'travel.checklist.rabies_too_young':
    'Ihr Tier kann ab {{eligibleOn}} ({{minAgeWeeks}} Wochen) gegen Tollwut geimpft werden, müsste für diese Reise aber bis {{dueBy}} geimpft sein.',
  'travel.checklist.rabies_before_microchip':
    'Die Tollwutimpfung vom {{date}} zählt nicht, weil nicht belegt ist, dass sie nach dem Mikrochip erfolgte; bis spätestens {{dueBy}} nachimpfen.',
  'travel.checklist.rabies_needed': 'Tollwutimpfung zwischen {{from}} und {{dueBy}} verabreichen.',
  'travel.checklist.cdc_dog_import_form': 'Das CDC Dog Import Form zwischen {{from}} und {{to}} einreichen und die Bestätigung mitnehmen.',
  'travel.checklist.health_certificate': 'Das Gesundheitszeugnis zwischen {{from}} und {{to}} ausstellen lassen.',
  'travel.checklist.eu_health_certificate': 'Die EU-Tiergesundheitsbescheinigung zwischen {{from}} und {{to}} ausstellen und von SENASICA bestätigen lassen.',

  // The same items addressed to the clinic team (the admin's travel plan).
  'travel.staff.checklist.species_not_covered': 'Für diese Tierart liegen uns keine Reiseregeln vor: den Halter an die Behörde des Ziellandes verweisen.',
  'travel.staff.checklist.min_age': 'Der Patient wird am {{date}} {{months}} Monate alt und darf vorher nicht einreisen.',
  'travel.staff.checklist.min_age_confirm':
    'Mit dem Halter klären, dass der Patient bei Ankunft mindestens {{months}} Monate alt ist, und das Geburtsdatum erfassen.',
  'travel.staff.checklist.rabies_not_required': 'Keine Tollwutimpfung nötig: Der Patient ist bei Ankunft jünger als {{months}} Monate.',
  'travel.staff.checklist.microchip_date_missing':
    'In der Akte erfassen, wann der Mikrochip {{number}} gesetzt wurde: Die Tollwutimpfung zählt nur, wenn sie an diesem Tag oder danach erfolgte. Frist: {{dueBy}}.',
  'travel.staff.checklist.rabies_too_young':
    'Der Patient kann ab {{eligibleOn}} ({{minAgeWeeks}} Wochen) gegen Tollwut geimpft werden, müsste für diese Reise aber bis {{dueBy}} geimpft sein.',
  'travel.staff.checklist.cdc_dog_import_form': 'Der Halter reicht das CDC Dog Import Form zwischen {{from}} und {{to}} ein und bringt die Bestätigung mit.',
  'travel.staff.checklist.health_certificate': 'Das Gesundheitszeugnis zwischen {{from}} und {{to}} ausstellen und unterschreiben.',
  'travel.staff.checklist.eu_health_certificate':
    'Die EU-Tiergesundheitsbescheinigung zwischen {{from}} und {{to}} ausfüllen und unterschreiben; der Halter lässt sie von SENASICA bestätigen.',

  'travel.note.verify_official_sources':
    'Die Anforderungen ändern sich: Bitte vor der Reise bei der Behörde des Ziellandes und der Fluggesellschaft bestätigen.',
  'travel.note.species_not_covered':
    'Für Vögel, Kaninchen und andere Tierarten gelten die Regeln des jeweiligen Landes; bitte bei der Behörde des Ziellandes nachfragen.',
  'travel.note.us_rabies_airlines_states':
    'Die CDC verlangen für Hunde aus Mexiko keine Tollwutbescheinigung, viele Fluggesellschaften und Bundesstaaten aber eine gültige Tollwutimpfung.',
  'travel.note.us_high_risk_history': 'War der Hund in den letzten 6 Monaten in einem Land mit hohem Tollwutrisiko, gelten strengere CDC-Anforderungen.',
  'travel.note.us_cat_state_rules': 'Die CDC verlangen für Katzen keine Tollwutimpfung, einige Bundesstaaten schon; prüfen Sie die Regeln des Zielstaates.',
  'travel.note.us_hawaii_guam': 'Hawaii und Guam haben eigene Regeln und Quarantäne.',
  'travel.note.eu_no_titer': 'Mexiko ist ein gelistetes Land der EU (Verordnung 577/2013), daher ist kein Tollwut-Antikörpertest nötig.',
  'travel.note.eu_certificate_validity':
    'Die Bescheinigung gilt 10 Tage ab Ausstellung für die Einreise und danach 4 Monate für Reisen innerhalb der EU, oder bis zum Ablauf der Tollwutimpfung, falls früher.',
  'travel.note.eu_certificate_after_wait':
    'Viele Amtstierärzte unterschreiben die Bescheinigung erst, wenn die 21 Tage nach der Tollwutimpfung verstrichen sind: besser mehr als einen Monat vorher impfen.',
  'travel.note.eu_echinococcus':
    'Hunde, die nach Finnland, Irland, Malta, Nordirland oder Norwegen reisen, brauchen eine Bandwurmbehandlung gegen Echinococcus durch einen Tierarzt 1 bis 5 Tage vor der Ankunft.',
  'travel.note.eu_max_five_pets': 'Bei nicht gewerblicher Verbringung sind bis zu 5 Heimtiere pro Person erlaubt.',
  'travel.note.eu_travellers_entry_point': 'Die Einreise muss über eine Eingangsstelle für Reisende erfolgen; die Dokumente werden dort kontrolliert.',
  'travel.note.ca_no_waiting_period': 'Kanada verlangt keine Wartezeit nach der Tollwutimpfung.',
  'travel.note.ca_under_three_months':
    'Hunde und Katzen unter 3 Monaten brauchen keine Tollwutbescheinigung, müssen aber gesund ankommen; ein Altersnachweis kann verlangt werden.',
  'travel.note.ca_certificate_content':
    'Die Tollwutbescheinigung muss auf Englisch oder Französisch sein und Rasse, Farbe, Gewicht, Impfstoff, Seriennummer und Gültigkeitsdauer nennen (ohne Angabe gilt ein Jahr).',

  'travel.destination.GB': 'Großbritannien',
  'travel.destination.JP': 'Japan',
  'travel.destination.AR': 'Argentinien',
  'travel.destination.CO': 'Kolumbien',
  'travel.rabies_doses': 'Mindestens {{doses}} Tollwutimpfungen: jede mindestens {{days}} Tage nach der vorherigen und bevor diese abläuft.',
  'travel.rabies_titre':
    'Tollwut-Antikörpertest: Blutprobe am Tag der letzten Impfung oder danach, Ergebnis mindestens 0,5 IE/ml in einem vom Zielland anerkannten Labor; Einreise frühestens {{days}} Tage nach der Probe, die {{months}} Monate gilt.',
  'travel.jp_advance_notification': 'Voranmeldung beim japanischen Tierquarantänedienst mindestens {{toDays}} Tage vor der Ankunft.',
  'travel.gb_tapeworm_treatment':
    'Bandwurmbehandlung (Echinococcus) mit Praziquantel durch einen Tierarzt, {{toDays}} bis {{fromDays}} Tage (24 bis 120 Stunden) vor der Ankunft.',
  'travel.parasite_treatment':
    'Empfohlen: Behandlung gegen innere und äußere Parasiten {{toDays}} bis {{fromDays}} Tage vor der Ankunft, auf der Bescheinigung vermerkt (Frist bei der Behörde bestätigen).',
  'travel.gb_health_certificate':
    'Tiergesundheitsbescheinigung für Großbritannien, vom Tierarzt ausgefüllt und von SENASICA bestätigt, höchstens {{days}} Tage vor der Ankunft ausgestellt.',
  'travel.jp_export_certificate':
    'Klinische Untersuchung innerhalb von {{days}} Tagen vor der Abreise und Exportbescheinigung im japanischen Format, von SENASICA bestätigt.',
  'travel.official_health_certificate':
    'Gesundheitszeugnis eines Tierarztes, von SENASICA bestätigt, dass das Tier innerhalb von {{days}} Tagen vor der Reise untersucht wurde und keine Krankheitszeichen zeigt.',
  'travel.parasite_treatment_on_certificate': 'Empfohlen: Behandlung gegen innere und äußere Parasiten, auf der Bescheinigung vermerkt.',
  'travel.core_vaccines_current':
    'Empfohlen: die Grundimpfungen der Tierart aktuell (Hunde: Staupe, Hepatitis, Leptospirose, Parvovirose; Katzen: die Grundimpfungen für Katzen).',
  'travel.checklist.rabies_next_dose': 'Die nächste Tollwutimpfung zwischen {{from}} und {{dueBy}} verabreichen (die vorherige war am {{date}}).',
  'travel.checklist.rabies_course_needed':
    'Tollwutimpfungen beginnen: erste Dosis zwischen {{from}} und {{dueBy}}, insgesamt {{doses}} Dosen, jede mindestens {{days}} Tage nach der vorherigen.',
  'travel.checklist.rabies_titre_valid': 'Tollwut-Antikörpertest mit Probe vom {{date}}: bestanden, gültig bis {{validUntil}}.',
  'travel.checklist.rabies_titre_wait_not_met':
    'Der Antikörpertest mit Probe vom {{date}} erlaubt die Einreise erst ab {{validFrom}} ({{days}} Tage später), also nach dem Reisedatum.',
  'travel.checklist.rabies_titre_needed':
    'Blutprobe für den Tollwut-Antikörpertest zwischen {{from}} und {{dueBy}} nehmen, nach der letzten Impfung: Einreise {{days}} Tage nach der Probe möglich.',
  'travel.checklist.rabies_titre_too_late':
    'Die Blutprobe für den Tollwut-Antikörpertest hätte spätestens am {{dueBy}} ({{days}} Tage vor der Ankunft) nach der letzten Impfung genommen werden müssen.',
  'travel.checklist.jp_advance_notification': 'Die Voranmeldung bis {{to}} an den japanischen Tierquarantänedienst senden.',
  'travel.checklist.gb_tapeworm_treatment':
    'Die Bandwurmbehandlung zwischen {{from}} und {{to}} von einem Tierarzt geben lassen, 24 bis 120 Stunden vor der Ankunft, mit Datum und Uhrzeit vermerkt.',
  'travel.checklist.parasite_treatment':
    'Die Behandlung gegen innere und äußere Parasiten zwischen {{from}} und {{to}} geben und auf der Bescheinigung vermerken lassen.',
  'travel.checklist.gb_health_certificate':
    'Die Tiergesundheitsbescheinigung für Großbritannien zwischen {{from}} und {{to}} ausstellen und von SENASICA bestätigen lassen.',
  'travel.checklist.jp_export_certificate': 'Klinische Untersuchung und japanische Exportbescheinigung, von SENASICA bestätigt, zwischen {{from}} und {{to}}.',
  'travel.checklist.official_health_certificate': 'Das Gesundheitszeugnis zwischen {{from}} und {{to}} ausstellen und von SENASICA bestätigen lassen.',
  'travel.staff.checklist.jp_advance_notification': 'Der Halter sendet die Voranmeldung bis {{to}} an den japanischen Tierquarantänedienst.',
  'travel.staff.checklist.gb_tapeworm_treatment':
    'Die Bandwurmbehandlung (Praziquantel) zwischen {{from}} und {{to}} geben, 24 bis 120 Stunden vor der Ankunft, und Präparat, Datum und Uhrzeit vermerken.',
  'travel.staff.checklist.gb_health_certificate':
    'Die Tiergesundheitsbescheinigung für Großbritannien zwischen {{from}} und {{to}} ausfüllen und unterschreiben; der Halter lässt sie von SENASICA bestätigen.',
  'travel.staff.checklist.jp_export_certificate':
    'Die klinische Untersuchung machen und die japanische Exportbescheinigung zwischen {{from}} und {{to}} ausfüllen; der Halter lässt sie von SENASICA bestätigen.',
  'travel.staff.checklist.official_health_certificate':
    'Das Gesundheitszeugnis zwischen {{from}} und {{to}} ausstellen und unterschreiben; der Halter lässt es von SENASICA bestätigen.',
  'travel.note.gb_tapeworm_hours': 'Die Bandwurmbehandlung muss 24 bis 120 Stunden vor der geplanten Ankunftszeit liegen: nach der Flugzeit planen.',
  'travel.note.gb_listed_no_titre': 'Mexiko ist für Großbritannien ein gelistetes Land, daher ist kein Tollwut-Antikörpertest nötig.',
  'travel.note.gb_approved_route':
    'Haustiere müssen mit einem zugelassenen Transportunternehmen auf einer zugelassenen Route nach Großbritannien einreisen (per Flug meist im Frachtraum oder als Fracht): vor der Buchung bei der Fluggesellschaft klären.',
  'travel.note.gb_max_five_pets': 'Bei einer nicht gewerblichen Reise sind bis zu 5 Heimtiere pro Person erlaubt.',
  'travel.note.jp_leptospirosis': 'Bei Hunden bescheinigt das Zeugnis auch, dass der Hund keine Anzeichen von Leptospirose zeigt.',
  'travel.note.jp_designated_lab':
    'Der Antikörpertest muss in einem von Japan benannten Labor erfolgen (Liste auf der MAFF-Website); die Probe kann am Tag der letzten Dosis genommen werden, das Ergebnis dauert Wochen.',
  'travel.note.jp_keep_vaccination':
    'Die Tollwutimpfung mit einer Auffrischung vor Ablauf jeder Dosis gültig halten: läuft sie ab, beginnen Impfungen, Test und die 180 Tage von vorn.',
  'travel.note.jp_quarantine_if_short':
    'Ein Tier, das vor Ablauf der 180 Tage oder ohne Voranmeldung ankommt, bleibt bis zu 180 Tage in der Quarantänestation.',
  'travel.note.ar_certificate_spanish': 'Die Bescheinigung muss auf Spanisch sein (oder mit Übersetzung) und Halter und Tier ausweisen.',
  'travel.note.ar_parasites_confirm':
    'SENASA verlangt, dass die Parasitenbehandlung auf der Bescheinigung steht, nennt aber keine Frist: bei SENASA bestätigen.',
  'travel.note.ar_inspection_fee': 'SENASA erhebt bei der Ankunft eine Kontrollgebühr; Tiere, die die Anforderungen erfüllen, kommen nicht in Quarantäne.',
  'travel.note.co_ica_inspection':
    'Bei der Ankunft prüft das ICA Tier und Dokumente und stellt die Gesundheitsinspektionsbescheinigung (CIS) aus; vorher online beantragen und den Zahlungsbeleg mitbringen.',
  'travel.note.co_confirm_with_ica': 'Die Frist der Parasitenbehandlung und die übrigen Impfungen sind hier Empfehlungen: vor der Reise beim ICA bestätigen.',
};
