import type { es } from './es';

export const en: typeof es = {
  nav: { book: 'Book a visit', myAppointments: 'My appointments', schedule: 'Schedule' },
  book: {
    pickPet: 'Find the patient and use “Book a visit” from their chart.',
    title: 'Book an appointment', service: '1. What do you need?', pet: '2. For whom?', day: '3. Which day?', time: '4. What time?', confirm: 'Confirm appointment',
    reason: 'Reason (optional)', noPets: 'Register your pet first.', addPet: 'Add a pet', noTimes: 'No times left that day. Try another.', closed: 'Closed',
    booked: 'Done! Your appointment is booked for {{date}} at {{time}}.', minutes: '{{minutes}} min', from: 'from', change: 'Change', taken: 'That time was just taken. Pick another:',
    rescheduleTitle: 'Change the appointment date', rescheduled: 'Your appointment moved to {{date}} at {{time}}.', staff: 'With', anyStaff: 'Anyone',
  },
  my: { subscribe: 'Subscribe your calendar to your appointments (private link)', title: 'My appointments', upcoming: 'Upcoming', past: 'Past', none: 'You have no upcoming appointments.', cancel: 'Cancel', cancelled: 'Appointment cancelled.', reschedule: 'Change date', addToCalendar: 'Add to calendar' },
  status: { pending: 'To confirm', confirmed: 'Confirmed', checked_in: 'With the vet', completed: 'Done', cancelled: 'Cancelled', no_show: 'No-show' },
  via: { web: 'Web', ai: 'Assistant', phone: 'Phone', walk_in: 'Walk-in' },
  schedule: {
    title: 'Day schedule', today: 'Today', prev: '← Previous day', next: 'Next day →', everyone: 'Whole team', none: 'No appointments this day.',
    confirm: 'Confirm', checkIn: 'Arrived', complete: 'Finish', noShow: 'No-show', followUp: 'Follow-up in (days)', followUpOffer: 'Times for the follow-up on {{date}}: {{times}}',
    block: 'Block time', blockReason: 'Reason', start: 'Start', end: 'End', blocked: 'Time blocked.', wholeClinic: 'Whole clinic', walkIn: 'Book for a pet', updated: 'Appointment updated.',
  },
  team: { title: 'Team hours', hours: 'Weekly hours', dayOff: 'Days off', addDayOff: 'Add day off', from: 'From', to: 'To', reason: 'Reason', saved: 'Hours saved.', holidays: 'Holidays (clinic closed)', addHoliday: 'Add holiday', name: 'Name', weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], help: 'Up to two shifts a day (e.g. 09:00–14:00 and 16:00–20:00). Leave a day empty when not working.' },
};
