import type { es } from './es';

export const de: typeof es = {
  nav: { book: 'Termin buchen', myAppointments: 'Meine Termine', schedule: 'Terminplan' },
  book: {
    pickPet: 'Suche den Patienten und nutze „Termin buchen“ in seiner Akte.',
    title: 'Termin buchen', service: '1. Was brauchst du?', pet: '2. Für wen?', day: '3. An welchem Tag?', time: '4. Um wie viel Uhr?', confirm: 'Termin bestätigen',
    reason: 'Anlass (optional)', noPets: 'Registriere zuerst dein Tier.', addPet: 'Tier hinzufügen', noTimes: 'An diesem Tag ist nichts mehr frei. Versuch einen anderen.', closed: 'Geschlossen',
    booked: 'Fertig! Dein Termin am {{date}} um {{time}} ist gebucht.', minutes: '{{minutes}} Min.', from: 'ab', change: 'Ändern', taken: 'Diese Zeit wurde gerade vergeben. Wähl eine andere:',
    rescheduleTitle: 'Termin verschieben', rescheduled: 'Dein Termin ist jetzt am {{date}} um {{time}}.', staff: 'Bei', anyStaff: 'Egal',
  },
  my: { subscribe: 'Abonniere deine Termine im Kalender (privater Link)', title: 'Meine Termine', upcoming: 'Anstehend', past: 'Vergangen', none: 'Du hast keine anstehenden Termine.', cancel: 'Absagen', cancelled: 'Termin abgesagt.', reschedule: 'Verschieben', addToCalendar: 'Zum Kalender hinzufügen' },
  status: { pending: 'Unbestätigt', confirmed: 'Bestätigt', checked_in: 'In Behandlung', completed: 'Erledigt', cancelled: 'Abgesagt', no_show: 'Nicht erschienen' },
  via: { web: 'Web', ai: 'Assistent', phone: 'Telefon', walk_in: 'Ohne Termin' },
  schedule: {
    title: 'Tagesplan', today: 'Heute', prev: '← Vorheriger Tag', next: 'Nächster Tag →', everyone: 'Ganzes Team', none: 'Keine Termine an diesem Tag.',
    confirm: 'Bestätigen', checkIn: 'Angekommen', complete: 'Abschließen', noShow: 'Nicht erschienen', followUp: 'Kontrolle in (Tagen)', followUpOffer: 'Freie Zeiten für die Kontrolle am {{date}}: {{times}}',
    block: 'Zeit blockieren', blockReason: 'Grund', start: 'Beginn', end: 'Ende', blocked: 'Zeit blockiert.', wholeClinic: 'Ganze Praxis', walkIn: 'Termin für ein Tier buchen', updated: 'Termin aktualisiert.',
  },
  team: { title: 'Arbeitszeiten des Teams', hours: 'Wochenplan', dayOff: 'Freie Tage', addDayOff: 'Freien Tag eintragen', from: 'Von', to: 'Bis', reason: 'Grund', saved: 'Arbeitszeiten gespeichert.', holidays: 'Feiertage (Praxis geschlossen)', addHoliday: 'Feiertag eintragen', name: 'Name', weekdays: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'], help: 'Bis zu zwei Schichten pro Tag (z. B. 09:00–14:00 und 16:00–20:00). Freie Tage leer lassen.' },
};
