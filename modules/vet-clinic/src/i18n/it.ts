import type { es } from './es';

export const it: typeof es = {
  nav: { myPets: 'I miei animali', search: 'Cerca', today: 'Oggi' },
  species: { dog: 'Cane', cat: 'Gatto', bird: 'Uccello', rabbit: 'Coniglio', other: 'Altro' },
  gender: { male: 'Maschio', female: 'Femmina', unknown: 'Non specificato' },
  severity: { mild: 'Lieve', moderate: 'Moderata', severe: 'Grave' },
  route: { oral: 'Orale', injection: 'Iniettabile', topical: 'Topica', ophthalmic: 'Oftalmica', otic: 'Auricolare', inhaled: 'Inalatoria' },
  pet: {
    book: 'Prenota una visita',
    name: 'Nome', species: 'Specie', breed: 'Razza', color: 'Mantello / segni particolari', dateOfBirth: 'Data di nascita', gender: 'Sesso', isNeutered: 'Sterilizzato/a',
    weightKg: 'Peso (kg)', microchipNumber: 'Microchip', microchipImplantedOn: 'Data di applicazione del microchip', notes: 'Note', photo: 'Foto', isDeceased: 'Deceduto/a', deceasedDate: 'Data del decesso',
    add: 'Aggiungi animale', edit: 'Modifica', saved: 'Dati salvati.', created: '{{name}} è stato/a registrato/a!', photoSaved: 'Foto aggiornata.', changePhoto: 'Cambia foto', uploadPhoto: 'Carica foto',
    none: 'Non hai ancora registrato nessun animale.', age: '{{years}} a {{months}} m', ageMonths: '{{months}} mesi', owner: 'Proprietario', chart: 'Cartella clinica',
  },
  tabs: { summary: 'Riepilogo', visits: 'Visite', vaccines: 'Vaccini', health: 'Allergie e farmaci', travel: 'Viaggi' },
  visit: {
    title: 'Visite', new: 'Registra visita', reason: 'Motivo', visitDate: 'Data e ora', subjective: 'S — Soggettivo (anamnesi, riferito dal proprietario)', objective: 'O — Oggettivo (esame obiettivo)',
    assessment: 'A — Valutazione (diagnosi)', plan: 'P — Piano (terapia, indicazioni)', close: 'Chiudi visita', closed: 'Chiusa', open: 'Aperta', locked: 'Bloccata',
    saved: 'Visita registrata.', none: 'Nessuna visita registrata.', by: 'Visitato da {{name}}', addendum: 'Integrazione', addAddendum: 'Aggiungi integrazione', addendumSaved: 'Integrazione aggiunta.', section: 'Sezione',
    note: 'Nota clinica', addNote: 'Aggiungi nota', internal: 'Interna (solo personale)', shared: 'Condivisa con il proprietario', noteSaved: 'Nota aggiunta.', edit: 'Modifica visita', lockedHelp: 'La visita è stata bloccata 24 h dopo la chiusura; eventuali modifiche vanno fatte con un’integrazione.',
  },
  vitals: { title: 'Parametri vitali', weightKg: 'Peso (kg)', temperatureC: 'Temperatura (°C)', heartRate: 'Freq. cardiaca (bpm)', respiratoryRate: 'Freq. respiratoria (atti/min)', bodyConditionScore: 'Condizione corporea (1–9)', weightChart: 'Andamento del peso (kg)' },
  vaccination: {
    title: 'Vaccini', given: 'Somministrati', due: 'In programma', add: 'Registra vaccino', vaccine: 'Vaccino', protocol: 'Protocollo', other: 'Altro', administeredDate: 'Data di somministrazione', manufacturer: 'Produttore',
    lot: 'Lotto', expiryDate: 'Scadenza del flacone', nextDue: 'Prossima dose', givenElsewhere: 'Somministrato in un’altra clinica', site: 'Sede di inoculazione', saved: 'Vaccino registrato.', noneGiven: 'Nessun vaccino registrato.', noneDue: 'Nulla in scadenza per ora.',
  },
  allergy: { title: 'Allergie', add: 'Aggiungi allergia', allergen: 'Allergene', reaction: 'Reazione', severity: 'Gravità', diagnosedDate: 'Data della diagnosi', saved: 'Allergia registrata.', none: 'Nessuna allergia nota.' },
  medication: { title: 'Farmaci', add: 'Aggiungi farmaco', name: 'Farmaco', dosage: 'Dose', frequency: 'Frequenza', route: 'Via', startDate: 'Inizio', endDate: 'Fine', isOngoing: 'Terapia continuativa', current: 'In corso', past: 'Concluso', saved: 'Farmaco registrato.', none: 'Nessun farmaco.' },
  travelPlan: {
    title: 'Viaggi', new: 'Pianifica un viaggio', destination: 'Destinazione', travelDate: 'Data di arrivo', create: 'Crea elenco delle cose da fare', created: 'Fatto: ecco l’elenco delle cose da fare per il viaggio.',
    pdfTitle: 'Checklist di viaggio: {{pet}} in {{destination}}', download: 'Scarica elenco (PDF)', dueBy: 'entro il {{date}}', notFeasible: 'Con questa data non è possibile soddisfare i requisiti. Prima data possibile: {{date}}.',
    generatedOn: 'Generato il {{date}}', status: { done: 'Fatto', pending: 'Da fare', overdue: 'In ritardo', blocked: 'Non fattibile in tempo' }, none: 'Nessun viaggio in programma.',
    certificate: 'Certificato sanitario', issue: 'Emetti e firma il certificato', issued: 'Certificato {{number}} emesso.', downloadCertificate: 'Scarica certificato (PDF)',
  },
  certificate: {
    title: 'Certificato sanitario di viaggio', number: 'N.', issuedOn: 'Data di rilascio', destination: 'Destinazione', animal: 'Dati dell’animale', owner: 'Proprietario', vaccinations: 'Vaccinazioni',
    statement: 'Il sottoscritto medico veterinario certifica di aver visitato {{pet}} alla data di rilascio e che l’animale è risultato clinicamente sano, privo di segni di malattie infettive e contagiose e di ectoparassiti, e idoneo al viaggio.',
    license: 'N. iscrizione all’Albo', footer: 'Valido per un viaggio con arrivo entro il {{date}}. Verificare i requisiti in vigore nel Paese di destinazione.',
  },
  admin: {
    home: 'Home', welcome: 'Ciao, {{name}}', searchTitle: 'Cerca proprietario o animale', searchPlaceholder: 'Nome dell’animale, proprietario, telefono, e-mail o microchip', results: 'Risultati', noResults: 'Nessun risultato per «{{query}}».',
    recentPets: 'Animali con attività recente', owners: 'Proprietari', pets: 'Animali', outbox: 'Messaggi che il sistema invierebbe', outboxHelp: 'Senza un provider configurato, e-mail e messaggi vengono salvati qui.', noOutbox: 'Nessun messaggio.',
    ownerPets: 'Animali di {{name}}', addPetFor: 'Aggiungi animale', stats: { owners: 'Proprietari', pets: 'Animali attivi', visitsToday: 'Visite di oggi', overdue: 'Vaccini scaduti' },
  },
  my: { title: 'I miei animali', travelIntro: 'Scopri cosa serve al tuo animale per viaggiare e scarica l’elenco con le date.' },
  protocols: { summary: 'Dalle {{first}} settimane, ogni {{interval}} settimane fino a {{until}}; richiamo a {{booster}} mesi, poi ogni {{every}} mesi.', title: 'Protocolli vaccinali', help: 'Come la clinica calcola quale vaccino è dovuto e quando. Le modifiche valgono per tutti i pazienti.', firstDoseWeeks: 'Prima dose (settimane di età)', seriesIntervalWeeks: 'Intervallo della serie (settimane)', seriesUntilWeeks: 'Serie fino a (settimane di età)', adultInitialDoses: 'Dosi iniziali nell’adulto', firstBoosterMonths: 'Primo richiamo (mesi)', boosterIntervalMonths: 'Richiami ogni (mesi)', isActive: 'In uso', saved: 'Protocollo aggiornato.' },
  records: { title: 'Esami e interventi', add: 'Aggiungi referto', recordType: 'Tipo', date: 'Data', title2: 'Titolo', description: 'Descrizione', diagnosis: 'Diagnosi', treatment: 'Trattamento', notes: 'Note', internalNotes: 'Note interne (solo staff)', saved: 'Referto aggiunto.', none: 'Nessun esame o intervento.', types: { exam: 'Visita', vaccination: 'Vaccinazione', surgery: 'Chirurgia', lab: 'Laboratorio', prescription: 'Ricetta' } },
};
