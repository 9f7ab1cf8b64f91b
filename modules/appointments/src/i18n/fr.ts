import type { es } from './es';

export const fr: typeof es = {
  nav: { book: 'Prendre rendez-vous', myAppointments: 'Mes rendez-vous', schedule: 'Planning' },
  book: {
    pickPet: 'Cherchez le patient et utilisez « Prendre rendez-vous » depuis son dossier.',
    title: 'Prendre rendez-vous', service: '1. De quoi avez-vous besoin ?', pet: '2. Pour qui ?', day: '3. Quel jour ?', time: '4. À quelle heure ?', confirm: 'Confirmer le rendez-vous',
    reason: 'Motif (facultatif)', noPets: 'Enregistrez d’abord votre animal.', addPet: 'Ajouter un animal', noTimes: 'Plus aucun créneau ce jour-là. Essayez un autre jour.', closed: 'Fermé',
    booked: 'C’est fait ! Votre rendez-vous est pris pour le {{date}} à {{time}}.', minutes: '{{minutes}} min', from: 'à partir de', change: 'Modifier', taken: 'Ce créneau vient d’être pris. Choisissez-en un autre :',
    rescheduleTitle: 'Changer la date du rendez-vous', rescheduled: 'Votre rendez-vous a été déplacé au {{date}} à {{time}}.', staff: 'Avec', anyStaff: 'Peu importe',
  },
  my: { subscribe: 'Abonnez votre agenda à vos rendez-vous (lien privé)', title: 'Mes rendez-vous', upcoming: 'À venir', past: 'Passés', none: 'Vous n’avez aucun rendez-vous à venir.', cancel: 'Annuler', cancelled: 'Rendez-vous annulé.', reschedule: 'Changer la date', addToCalendar: 'Ajouter à l’agenda' },
  status: { pending: 'À confirmer', confirmed: 'Confirmé', checked_in: 'En consultation', completed: 'Terminé', cancelled: 'Annulé', no_show: 'Absent' },
  via: { web: 'Web', ai: 'Assistant', phone: 'Téléphone', walk_in: 'Sans rendez-vous' },
  schedule: {
    title: 'Planning du jour', today: 'Aujourd’hui', prev: '← Jour précédent', next: 'Jour suivant →', everyone: 'Toute l’équipe', none: 'Aucun rendez-vous ce jour-là.',
    confirm: 'Confirmer', checkIn: 'Arrivé', complete: 'Terminer', noShow: 'Absent', followUp: 'Contrôle dans (jours)', followUpOffer: 'Créneaux pour le contrôle le {{date}} : {{times}}',
    block: 'Bloquer un créneau', blockReason: 'Motif', start: 'Début', end: 'Fin', blocked: 'Créneau bloqué.', wholeClinic: 'Toute la clinique', walkIn: 'Réserver pour un animal', updated: 'Rendez-vous mis à jour.',
  },
  team: { title: 'Horaires de l’équipe', hours: 'Horaires hebdomadaires', dayOff: 'Jours de congé', addDayOff: 'Ajouter un congé', from: 'Du', to: 'Au', reason: 'Motif', saved: 'Horaires enregistrés.', holidays: 'Jours fériés (clinique fermée)', addHoliday: 'Ajouter un jour férié', name: 'Nom', weekdays: ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'], help: 'Jusqu’à deux plages par jour (ex. 09:00–14:00 et 16:00–20:00). Laissez vide un jour non travaillé.' },
};
