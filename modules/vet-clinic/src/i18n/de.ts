import type { es } from './es';

export const de: typeof es = {
  nav: { myPets: 'Meine Tiere', search: 'Suchen', today: 'Heute' },
  species: { dog: 'Hund', cat: 'Katze', bird: 'Vogel', rabbit: 'Kaninchen', other: 'Sonstiges' },
  gender: { male: 'Männlich', female: 'Weiblich', unknown: 'Keine Angabe' },
  severity: { mild: 'Leicht', moderate: 'Mittel', severe: 'Schwer' },
  route: { oral: 'Oral', injection: 'Injektion', topical: 'Topisch', ophthalmic: 'Am Auge', otic: 'Im Ohr', inhaled: 'Inhalativ' },
  pet: {
    book: 'Termin buchen',
    name: 'Name', species: 'Tierart', breed: 'Rasse', color: 'Farbe / Abzeichen', dateOfBirth: 'Geburtsdatum', gender: 'Geschlecht', isNeutered: 'Kastriert',
    weightKg: 'Gewicht (kg)', microchipNumber: 'Mikrochip', microchipImplantedOn: 'Datum der Chip-Implantation', notes: 'Notizen', photo: 'Foto', isDeceased: 'Verstorben', deceasedDate: 'Todesdatum',
    add: 'Tier hinzufügen', edit: 'Bearbeiten', saved: 'Gespeichert.', created: '{{name}} ist jetzt registriert!', photoSaved: 'Foto aktualisiert.', changePhoto: 'Foto ändern', uploadPhoto: 'Foto hochladen',
    none: 'Du hast noch keine Tiere registriert.', age: '{{years}} J. {{months}} M.', ageMonths: '{{months}} Monate', owner: 'Halter/in', chart: 'Patientenakte',
  },
  tabs: { summary: 'Übersicht', visits: 'Behandlungen', vaccines: 'Impfungen', health: 'Allergien & Medikamente', travel: 'Reisen' },
  visit: {
    title: 'Behandlungen', new: 'Behandlung erfassen', reason: 'Anlass', visitDate: 'Datum und Uhrzeit', subjective: 'S — Subjektiv (Anamnese, Angaben des Halters)', objective: 'O — Objektiv (klinische Untersuchung)',
    assessment: 'A — Beurteilung (Diagnose)', plan: 'P — Plan (Therapie, Anweisungen)', close: 'Behandlung abschließen', closed: 'Abgeschlossen', open: 'Offen', locked: 'Gesperrt',
    saved: 'Behandlung erfasst.', none: 'Keine Behandlungen erfasst.', by: 'Behandelt von {{name}}', addendum: 'Nachtrag', addAddendum: 'Nachtrag hinzufügen', addendumSaved: 'Nachtrag hinzugefügt.', section: 'Abschnitt',
    note: 'Klinische Notiz', addNote: 'Notiz hinzufügen', internal: 'Intern (nur Praxisteam)', shared: 'Für Halter sichtbar', noteSaved: 'Notiz hinzugefügt.', edit: 'Behandlung bearbeiten', lockedHelp: 'Die Behandlung wurde 24 h nach dem Abschluss gesperrt; Änderungen erfolgen über Nachträge.',
  },
  vitals: { title: 'Vitalwerte', weightKg: 'Gewicht (kg)', temperatureC: 'Temperatur (°C)', heartRate: 'Herzfrequenz (/min)', respiratoryRate: 'Atemfrequenz (/min)', bodyConditionScore: 'Body Condition Score (1–9)', weightChart: 'Gewichtsverlauf (kg)' },
  vaccination: {
    title: 'Impfungen', given: 'Verabreicht', due: 'Anstehend', add: 'Impfung erfassen', vaccine: 'Impfstoff', protocol: 'Impfschema', other: 'Sonstiger', administeredDate: 'Impfdatum', manufacturer: 'Hersteller',
    lot: 'Charge', expiryDate: 'Verfallsdatum', nextDue: 'Nächste Impfung', givenElsewhere: 'In anderer Praxis geimpft', site: 'Injektionsstelle', saved: 'Impfung erfasst.', noneGiven: 'Keine Impfungen erfasst.', noneDue: 'Derzeit nichts fällig.',
  },
  allergy: { title: 'Allergien', add: 'Allergie hinzufügen', allergen: 'Allergen', reaction: 'Reaktion', severity: 'Schweregrad', diagnosedDate: 'Diagnosedatum', saved: 'Allergie erfasst.', none: 'Keine bekannten Allergien.' },
  medication: { title: 'Medikamente', add: 'Medikament hinzufügen', name: 'Medikament', dosage: 'Dosis', frequency: 'Häufigkeit', route: 'Verabreichung', startDate: 'Beginn', endDate: 'Ende', isOngoing: 'Dauertherapie', current: 'Aktuell', past: 'Beendet', saved: 'Medikament erfasst.', none: 'Keine Medikamente.' },
  travelPlan: {
    title: 'Reisen', new: 'Reise planen', destination: 'Reiseziel', travelDate: 'Ankunftsdatum', create: 'Checkliste erstellen', created: 'Fertig: Hier ist die Checkliste für die Reise.',
    pdfTitle: 'Reise-Checkliste: {{pet}} nach {{destination}}', download: 'Checkliste herunterladen (PDF)', dueBy: 'bis spätestens {{date}}', notFeasible: 'Bis zu diesem Datum lassen sich die Anforderungen nicht erfüllen. Frühestmögliches Datum: {{date}}.',
    generatedOn: 'Erstellt am {{date}}', status: { done: 'Erledigt', pending: 'Offen', overdue: 'Überfällig', blocked: 'Nicht rechtzeitig möglich' }, none: 'Keine Reisen geplant.',
    certificate: 'Gesundheitszeugnis', issue: 'Zeugnis ausstellen und unterschreiben', issued: 'Zeugnis {{number}} ausgestellt.', downloadCertificate: 'Zeugnis herunterladen (PDF)',
  },
  certificate: {
    title: 'Tierärztliches Gesundheitszeugnis für Reisen', number: 'Nr.', issuedOn: 'Ausstellungsdatum', destination: 'Reiseziel', animal: 'Angaben zum Tier', owner: 'Halter/in', vaccinations: 'Impfungen',
    statement: 'Der/die unterzeichnende Tierarzt/Tierärztin bescheinigt, {{pet}} am Ausstellungsdatum untersucht zu haben und dass das Tier klinisch gesund, frei von Anzeichen ansteckender Krankheiten und von Ektoparasiten sowie reisetauglich ist.',
    license: 'Approbationsnummer', footer: 'Gültig für eine Reise mit Ankunft bis spätestens {{date}}. Bitte prüfen Sie die aktuellen Einreisebestimmungen des Ziellandes.',
  },
  admin: {
    home: 'Start', welcome: 'Hallo, {{name}}', searchTitle: 'Halter oder Tier suchen', searchPlaceholder: 'Tiername, Halter, Telefon, E-Mail oder Mikrochip', results: 'Ergebnisse', noResults: 'Keine Ergebnisse für „{{query}}“.',
    recentPets: 'Tiere mit aktueller Aktivität', owners: 'Halter', pets: 'Tiere', outbox: 'Nachrichten, die das System senden würde', outboxHelp: 'Ohne konfigurierten Anbieter werden E-Mails und Nachrichten hier gespeichert.', noOutbox: 'Keine Nachrichten.',
    ownerPets: 'Tiere von {{name}}', addPetFor: 'Tier hinzufügen', stats: { owners: 'Halter', pets: 'Aktive Tiere', visitsToday: 'Behandlungen heute', overdue: 'Überfällige Impfungen' },
  },
  my: { title: 'Meine Tiere', travelIntro: 'Sieh nach, was dein Tier für die Reise braucht, und lade die Checkliste mit Terminen herunter.' },
  protocols: { summary: 'Ab {{first}} Wochen, alle {{interval}} Wochen bis {{until}}; Auffrischung nach {{booster}} Monaten, dann alle {{every}} Monate.', title: 'Impfprotokolle', help: 'So berechnet die Praxis, welche Impfung wann fällig ist. Änderungen gelten für alle Patienten.', firstDoseWeeks: 'Erste Dosis (Lebenswochen)', seriesIntervalWeeks: 'Abstand in der Serie (Wochen)', seriesUntilWeeks: 'Serie bis (Lebenswochen)', adultInitialDoses: 'Erstdosen bei Erwachsenen', firstBoosterMonths: 'Erste Auffrischung (Monate)', boosterIntervalMonths: 'Auffrischung alle (Monate)', isActive: 'In Verwendung', saved: 'Protokoll aktualisiert.' },
  records: { title: 'Befunde und Eingriffe', add: 'Eintrag hinzufügen', recordType: 'Art', date: 'Datum', title2: 'Titel', description: 'Beschreibung', diagnosis: 'Diagnose', treatment: 'Behandlung', notes: 'Notizen', internalNotes: 'Interne Notizen (nur Team)', saved: 'Eintrag hinzugefügt.', none: 'Keine Befunde oder Eingriffe.', types: { exam: 'Untersuchung', vaccination: 'Impfung', surgery: 'Operation', lab: 'Labor', prescription: 'Rezept' } },
};
