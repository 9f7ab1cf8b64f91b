import type { es } from './es';

export const it: typeof es = {
  nav: { book: 'Prenota visita', myAppointments: 'I miei appuntamenti', schedule: 'Agenda' },
  book: {
    pickPet: 'Cerca il paziente e usa «Prenota una visita» dalla sua cartella.',
    title: 'Prenota un appuntamento', service: '1. Di cosa hai bisogno?', pet: '2. Per chi?', day: '3. Che giorno?', time: '4. A che ora?', confirm: 'Conferma appuntamento',
    reason: 'Motivo (facoltativo)', noPets: 'Prima registra il tuo animale.', addPet: 'Aggiungi animale', noTimes: 'Nessun orario libero in questo giorno. Provane un altro.', closed: 'Chiuso',
    booked: 'Fatto! Il tuo appuntamento è fissato per {{date}} alle {{time}}.', minutes: '{{minutes}} min', from: 'da', change: 'Cambia', taken: 'Questo orario è appena stato occupato. Scegline un altro:',
    rescheduleTitle: 'Cambia data dell’appuntamento', rescheduled: 'Il tuo appuntamento è stato spostato a {{date}} alle {{time}}.', staff: 'Con', anyStaff: 'Indifferente',
  },
  my: { subscribe: 'Iscrivi il tuo calendario ai tuoi appuntamenti (link privato)', title: 'I miei appuntamenti', upcoming: 'Prossimi', past: 'Passati', none: 'Non hai appuntamenti in programma.', cancel: 'Annulla', cancelled: 'Appuntamento annullato.', reschedule: 'Cambia data', addToCalendar: 'Aggiungi al calendario' },
  status: { pending: 'Da confermare', confirmed: 'Confermato', checked_in: 'In visita', completed: 'Completato', cancelled: 'Annullato', no_show: 'Non presentato' },
  via: { web: 'Web', ai: 'Assistente', phone: 'Telefono', walk_in: 'Senza appuntamento' },
  schedule: {
    title: 'Agenda del giorno', today: 'Oggi', prev: '← Giorno precedente', next: 'Giorno successivo →', everyone: 'Tutto il team', none: 'Nessun appuntamento in questo giorno.',
    confirm: 'Conferma', checkIn: 'Arrivato', complete: 'Concludi', noShow: 'Non presentato', followUp: 'Controllo tra (giorni)', followUpOffer: 'Orari per il controllo di {{date}}: {{times}}',
    block: 'Blocca orario', blockReason: 'Motivo', start: 'Inizio', end: 'Fine', blocked: 'Orario bloccato.', wholeClinic: 'Tutta la clinica', walkIn: 'Prenota per un animale', updated: 'Appuntamento aggiornato.',
  },
  team: { title: 'Orari del team', hours: 'Orario settimanale', dayOff: 'Giorni liberi', addDayOff: 'Aggiungi giorno libero', from: 'Dal', to: 'Al', reason: 'Motivo', saved: 'Orario salvato.', holidays: 'Festivi (clinica chiusa)', addHoliday: 'Aggiungi festivo', name: 'Nome', weekdays: ['Lunedì', 'Martedì', 'Mercoledì', 'Giovedì', 'Venerdì', 'Sabato', 'Domenica'], help: 'Fino a due turni al giorno (es. 09:00–14:00 e 16:00–20:00). Lascia vuoto un giorno non lavorativo.' },
};
