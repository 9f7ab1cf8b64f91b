export const it: Record<string, string> = {
  'travel.destination.US': 'Stati Uniti',
  'travel.destination.EU': 'Unione europea',
  'travel.destination.CA': 'Canada',

  'travel.min_age': 'Avere almeno {{months}} mesi all’arrivo.',
  'travel.microchip': 'Microchip {{standard}} impiantato e leggibile.',
  'travel.microchip_before_rabies': 'Il microchip deve essere impiantato prima della vaccinazione antirabbica o lo stesso giorno.',
  'travel.rabies_vaccine': 'Vaccinazione antirabbica valida, eseguita a partire da {{minAgeWeeks}} settimane di età.',
  'travel.rabies_from_age': 'Certificato di vaccinazione antirabbica valido per cani e gatti di {{months}} mesi o più.',
  'travel.rabies_wait':
    'Dopo la prima vaccinazione antirabbica (o un richiamo fatto dopo la scadenza del precedente) devono passare almeno {{days}} giorni prima dell’ingresso.',
  'travel.cdc_dog_import_form': 'Ricevuta del CDC Dog Import Form, compilato online tra {{fromDays}} e {{toDays}} giorni prima dell’arrivo.',
  'travel.health_certificate':
    'Certificato di buona salute firmato da un veterinario, rilasciato nei {{days}} giorni precedenti il viaggio (richiesto dalla maggior parte delle compagnie aeree).',
  'travel.eu_health_certificate':
    'Certificato sanitario UE compilato dal veterinario e vidimato da SENASICA, rilasciato al massimo {{days}} giorni prima dell’ingresso; poi vale {{months}} mesi per gli spostamenti nell’UE.',
  'travel.cdc_low_risk_history': 'Negli ultimi {{months}} mesi il cane è stato solo in paesi indenni da rabbia o a basso rischio (come il Messico).',
  'travel.healthy_on_arrival': 'Arrivare in buona salute, senza segni di malattia.',

  'travel.checklist.species_not_covered': 'Non abbiamo le regole di viaggio per questa specie; rivolgetevi all’autorità del paese di destinazione.',
  'travel.checklist.min_age': 'Il tuo animale compie {{months}} mesi il {{date}} e non può entrare prima di quella data.',
  'travel.checklist.min_age_confirm': 'Conferma che il tuo animale avrà almeno {{months}} mesi all’arrivo (data di nascita non registrata).',
  'travel.checklist.microchip': 'Microchip {{number}} registrato.',
  'travel.checklist.microchip_needed': 'Impiantare un microchip {{standard}} entro il {{dueBy}}.',
  'travel.checklist.microchip_date_missing':
    'Registra la data di impianto del microchip {{number}}: la vaccinazione antirabbica vale solo se fatta quel giorno o dopo. Scadenza: {{dueBy}}.',
  'travel.checklist.rabies_not_required': 'Nessuna vaccinazione antirabbica necessaria: il tuo animale avrà meno di {{months}} mesi all’arrivo.',
  'travel.checklist.rabies_valid': 'Vaccinazione antirabbica del {{date}}, valida fino al {{validUntil}}.',
  'travel.checklist.rabies_wait_not_met':
    'La vaccinazione antirabbica del {{date}} sarà valida per l’ingresso solo dal {{validFrom}} ({{days}} giorni dopo), dopo la data del viaggio.',
  'travel.checklist.rabies_booster': 'La vaccinazione antirabbica scade il {{validUntil}}, prima del viaggio: fare il richiamo entro il {{dueBy}}.',
  'travel.checklist.rabies_too_young':
    'Il tuo animale potrà essere vaccinato contro la rabbia dal {{eligibleOn}} ({{minAgeWeeks}} settimane), ma per questo viaggio dovrebbe esserlo entro il {{dueBy}}.',
  'travel.checklist.rabies_before_microchip':
    'La vaccinazione antirabbica del {{date}} non vale perché non risulta fatta dopo il microchip; rivaccinare entro il {{dueBy}}.',
  'travel.checklist.rabies_needed': 'Fare la vaccinazione antirabbica tra il {{from}} e il {{dueBy}}.',
  'travel.checklist.cdc_dog_import_form': 'Compilare il CDC Dog Import Form tra il {{from}} e il {{to}} e portare la ricevuta.',
  'travel.checklist.health_certificate': 'Far rilasciare il certificato di buona salute tra il {{from}} e il {{to}}.',
  'travel.checklist.eu_health_certificate': 'Far rilasciare il certificato sanitario UE e farlo vidimare da SENASICA tra il {{from}} e il {{to}}.',

  // The same items addressed to the clinic team (the admin's travel plan).
  'travel.staff.checklist.species_not_covered':
    'Non abbiamo le regole di viaggio per questa specie: indirizzare il proprietario all’autorità del paese di destinazione.',
  'travel.staff.checklist.min_age': 'Il paziente compie {{months}} mesi il {{date}} e non può entrare prima di quella data.',
  'travel.staff.checklist.min_age_confirm':
    'Verificare con il proprietario che il paziente avrà almeno {{months}} mesi all’arrivo e registrarne la data di nascita.',
  'travel.staff.checklist.rabies_not_required': 'Nessuna vaccinazione antirabbica necessaria: il paziente avrà meno di {{months}} mesi all’arrivo.',
  'travel.staff.checklist.microchip_date_missing':
    'Registrare in cartella la data di impianto del microchip {{number}}: la vaccinazione antirabbica vale solo se fatta quel giorno o dopo. Scadenza: {{dueBy}}.',
  'travel.staff.checklist.rabies_too_young':
    'Il paziente potrà essere vaccinato contro la rabbia dal {{eligibleOn}} ({{minAgeWeeks}} settimane), ma per questo viaggio dovrebbe esserlo entro il {{dueBy}}.',
  'travel.staff.checklist.cdc_dog_import_form': 'Il proprietario compila il modulo CDC Dog Import Form tra il {{from}} e il {{to}} e porta la ricevuta.',
  'travel.staff.checklist.health_certificate': 'Emettere e firmare il certificato sanitario tra il {{from}} e il {{to}}.',
  'travel.staff.checklist.eu_health_certificate':
    'Compilare e firmare il certificato sanitario UE tra il {{from}} e il {{to}}; il proprietario lo fa vidimare da SENASICA.',

  'travel.note.verify_official_sources': 'I requisiti cambiano: verificali con l’autorità di destinazione e con la compagnia aerea prima di partire.',
  'travel.note.species_not_covered': 'Per uccelli, conigli e altre specie le regole dipendono da ciascun paese; rivolgiti all’autorità di destinazione.',
  'travel.note.us_rabies_airlines_states':
    'I CDC non chiedono il certificato antirabbico ai cani provenienti dal Messico, ma molte compagnie aeree e molti stati richiedono una vaccinazione antirabbica valida.',
  'travel.note.us_high_risk_history': 'Se il cane è stato in un paese ad alto rischio di rabbia negli ultimi 6 mesi, si applicano requisiti CDC più severi.',
  'travel.note.us_cat_state_rules':
    'I CDC non richiedono la vaccinazione antirabbica per i gatti, ma alcuni stati sì; controlla le regole dello stato di destinazione.',
  'travel.note.us_hawaii_guam': 'Hawaii e Guam hanno regole e quarantene proprie.',
  'travel.note.eu_no_titer': 'Il Messico è un paese elencato dall’UE (regolamento 577/2013), quindi non serve la titolazione degli anticorpi antirabbici.',
  'travel.note.eu_certificate_validity':
    'Il certificato vale 10 giorni dal rilascio per l’ingresso e poi 4 mesi per gli spostamenti nell’UE, o fino alla scadenza della vaccinazione antirabbica se precedente.',
  'travel.note.eu_certificate_after_wait':
    'Molti veterinari ufficiali firmano il certificato solo dopo i 21 giorni dalla vaccinazione antirabbica: conviene vaccinare con più di un mese di anticipo.',
  'travel.note.eu_echinococcus':
    'I cani diretti in Finlandia, Irlanda, Malta, Irlanda del Nord o Norvegia devono ricevere da un veterinario un trattamento contro Echinococcus da 1 a 5 giorni prima dell’arrivo.',
  'travel.note.eu_max_five_pets': 'Un movimento non commerciale consente fino a 5 animali per persona.',
  'travel.note.eu_travellers_entry_point': 'Si entra da un punto di ingresso per viaggiatori, dove si controllano i documenti.',
  'travel.note.ca_no_waiting_period': 'Il Canada non impone un periodo di attesa dopo la vaccinazione antirabbica.',
  'travel.note.ca_under_three_months':
    'Cani e gatti sotto i 3 mesi non hanno bisogno del certificato antirabbico ma devono arrivare in buona salute; può essere richiesta una prova dell’età.',
  'travel.note.ca_certificate_content':
    'Il certificato antirabbico deve essere in inglese o francese e indicare razza, colore, peso, vaccino, numero di serie e durata di validità (un anno se non indicata).',
};
