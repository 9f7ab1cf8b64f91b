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

  'travel.destination.GB': 'Gran Bretagna',
  'travel.destination.JP': 'Giappone',
  'travel.destination.AR': 'Argentina',
  'travel.destination.CO': 'Colombia',
  'travel.rabies_doses': 'Almeno {{doses}} vaccinazioni antirabbiche: ognuna almeno {{days}} giorni dopo la precedente e prima che questa scada.',
  'travel.rabies_titre':
    'Titolazione degli anticorpi antirabbici: prelievo di sangue il giorno dell’ultima vaccinazione o dopo, risultato di almeno 0,5 UI/ml in un laboratorio approvato dalla destinazione; ingresso non prima di {{days}} giorni dal prelievo, che vale {{months}} mesi.',
  'travel.jp_advance_notification': 'Notifica preventiva al servizio di quarantena animale del Giappone almeno {{toDays}} giorni prima dell’arrivo.',
  'travel.gb_tapeworm_treatment':
    'Trattamento contro la tenia (Echinococcus) con praziquantel, somministrato da un veterinario da {{toDays}} a {{fromDays}} giorni (24–120 ore) prima dell’arrivo.',
  'travel.parasite_treatment':
    'Consigliato: trattamento contro i parassiti interni ed esterni da {{toDays}} a {{fromDays}} giorni prima dell’arrivo, annotato sul certificato (termine da confermare con l’autorità).',
  'travel.gb_health_certificate':
    'Certificato sanitario per la Gran Bretagna compilato dal veterinario e vidimato da SENASICA, rilasciato al massimo {{days}} giorni prima dell’arrivo.',
  'travel.jp_export_certificate':
    'Visita clinica entro {{days}} giorni prima della partenza e certificato di esportazione nel formato giapponese, vidimato da SENASICA.',
  'travel.official_health_certificate':
    'Certificato di salute di un veterinario, vidimato da SENASICA, che attesti che l’animale è stato visitato entro {{days}} giorni prima del viaggio e non mostra segni di malattia.',
  'travel.parasite_treatment_on_certificate': 'Consigliato: trattamento contro i parassiti interni ed esterni, annotato sul certificato.',
  'travel.core_vaccines_current':
    'Consigliato: vaccinazioni essenziali della specie in regola (cani: cimurro, epatite, leptospirosi, parvovirosi; gatti: i vaccini felini essenziali).',
  'travel.checklist.rabies_next_dose': 'Fare la dose antirabbica successiva tra il {{from}} e il {{dueBy}} (la precedente è del {{date}}).',
  'travel.checklist.rabies_course_needed':
    'Iniziare le vaccinazioni antirabbiche: prima dose tra il {{from}} e il {{dueBy}}, {{doses}} dosi in tutto, ognuna almeno {{days}} giorni dopo la precedente.',
  'travel.checklist.rabies_titre_valid': 'Titolazione degli anticorpi antirabbici con prelievo del {{date}}: superata, valida fino al {{validUntil}}.',
  'travel.checklist.rabies_titre_wait_not_met':
    'La titolazione con prelievo del {{date}} consente l’ingresso solo dal {{validFrom}} ({{days}} giorni dopo), cioè dopo la data del viaggio.',
  'travel.checklist.rabies_titre_needed':
    'Fare il prelievo per la titolazione antirabbica tra il {{from}} e il {{dueBy}}, dopo l’ultima vaccinazione: l’ingresso è possibile {{days}} giorni dopo il prelievo.',
  'travel.checklist.rabies_titre_too_late':
    'Il prelievo per la titolazione antirabbica avrebbe dovuto essere fatto entro il {{dueBy}} ({{days}} giorni prima dell’arrivo), dopo l’ultima vaccinazione.',
  'travel.checklist.jp_advance_notification': 'Inviare la notifica preventiva al servizio di quarantena animale del Giappone entro il {{to}}.',
  'travel.checklist.gb_tapeworm_treatment':
    'Far somministrare da un veterinario il trattamento contro la tenia tra il {{from}} e il {{to}}, 24–120 ore prima dell’arrivo, annotando data e ora.',
  'travel.checklist.parasite_treatment':
    'Fare il trattamento contro i parassiti interni ed esterni tra il {{from}} e il {{to}} e farlo annotare sul certificato.',
  'travel.checklist.gb_health_certificate':
    'Far rilasciare il certificato sanitario per la Gran Bretagna e farlo vidimare da SENASICA tra il {{from}} e il {{to}}.',
  'travel.checklist.jp_export_certificate': 'Visita clinica e certificato di esportazione per il Giappone, vidimato da SENASICA, tra il {{from}} e il {{to}}.',
  'travel.checklist.official_health_certificate': 'Far rilasciare il certificato di salute e farlo vidimare da SENASICA tra il {{from}} e il {{to}}.',
  'travel.staff.checklist.jp_advance_notification':
    'Il proprietario invia la notifica preventiva al servizio di quarantena animale del Giappone entro il {{to}}.',
  'travel.staff.checklist.gb_tapeworm_treatment':
    'Somministrare il trattamento contro la tenia (praziquantel) tra il {{from}} e il {{to}}, 24–120 ore prima dell’arrivo, e annotare prodotto, data e ora.',
  'travel.staff.checklist.gb_health_certificate':
    'Compilare e firmare il certificato sanitario per la Gran Bretagna tra il {{from}} e il {{to}}; il proprietario lo fa vidimare da SENASICA.',
  'travel.staff.checklist.jp_export_certificate':
    'Fare la visita clinica e compilare il certificato di esportazione per il Giappone tra il {{from}} e il {{to}}; il proprietario lo fa vidimare da SENASICA.',
  'travel.staff.checklist.official_health_certificate':
    'Rilasciare e firmare il certificato di salute tra il {{from}} e il {{to}}; il proprietario lo fa vidimare da SENASICA.',
  'travel.note.gb_tapeworm_hours':
    'Il trattamento contro la tenia deve cadere tra 24 e 120 ore prima dell’orario di arrivo previsto: pianificarlo in base all’ora del volo.',
  'travel.note.gb_listed_no_titre': 'Il Messico è un paese elencato per la Gran Bretagna: non serve la titolazione degli anticorpi antirabbici.',
  'travel.note.gb_approved_route':
    'Gli animali devono entrare in Gran Bretagna con un vettore autorizzato su una rotta autorizzata (in aereo, di solito in stiva o come cargo): verificare con la compagnia prima di prenotare.',
  'travel.note.gb_max_five_pets': 'Uno spostamento non commerciale consente fino a 5 animali per persona.',
  'travel.note.jp_leptospirosis': 'Per i cani il certificato attesta anche che il cane non mostra segni di leptospirosi.',
  'travel.note.jp_designated_lab':
    'La titolazione va fatta in un laboratorio designato dal Giappone (elenco sul sito del MAFF); il prelievo può avvenire il giorno dell’ultima dose e il risultato richiede settimane.',
  'travel.note.jp_keep_vaccination':
    'Mantenere valida la vaccinazione antirabbica con un richiamo prima che scada ogni dose: se scade, vaccinazioni, titolazione e i 180 giorni ricominciano da capo.',
  'travel.note.jp_quarantine_if_short':
    'Un animale che arriva prima dei 180 giorni, o senza notifica preventiva, resta nella stazione di quarantena fino a 180 giorni.',
  'travel.note.ar_certificate_spanish': 'Il certificato deve essere in spagnolo (o accompagnato da traduzione) e identificare proprietario e animale.',
  'travel.note.ar_parasites_confirm':
    'SENASA chiede che il trattamento antiparassitario compaia sul certificato ma non pubblica un termine: confermarlo con SENASA.',
  'travel.note.ar_inspection_fee': 'SENASA applica una tariffa di ispezione all’arrivo; gli animali in regola non fanno quarantena.',
  'travel.note.co_ica_inspection':
    'All’arrivo l’ICA controlla l’animale e i documenti e rilascia il certificato di ispezione sanitaria (CIS); richiederlo online prima e portare la ricevuta di pagamento.',
  'travel.note.co_confirm_with_ica':
    'Il termine del trattamento antiparassitario e gli altri vaccini sono qui consigli: confermarli con l’ICA prima del viaggio.',
};
