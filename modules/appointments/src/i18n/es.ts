export const es = {
  nav: { book: 'Agendar cita', myAppointments: 'Mis citas', schedule: 'Agenda' },
  book: {
    pickPet: 'Busca al paciente y usa «Agendar cita» desde su expediente.',
    title: 'Agendar una cita', service: '1. ¿Qué necesitas?', pet: '2. ¿Para quién?', day: '3. ¿Qué día?', time: '4. ¿A qué hora?', confirm: 'Confirmar cita',
    reason: 'Motivo (opcional)', noPets: 'Primero registra a tu mascota.', addPet: 'Agregar mascota', noTimes: 'No quedan horarios este día. Prueba otro.', closed: 'Cerrado',
    booked: '¡Listo! Tu cita quedó agendada para el {{date}} a las {{time}}.', minutes: '{{minutes}} min', from: 'desde', change: 'Cambiar', taken: 'Ese horario se acaba de ocupar. Elige otro:',
    rescheduleTitle: 'Cambiar fecha de la cita', rescheduled: 'Tu cita se movió al {{date}} a las {{time}}.', staff: 'Con', anyStaff: 'Cualquiera',
  },
  my: { subscribe: 'Suscribe tu calendario a tus citas (enlace privado)', title: 'Mis citas', upcoming: 'Próximas', past: 'Anteriores', none: 'No tienes citas próximas.', cancel: 'Cancelar', cancelled: 'Cita cancelada.', reschedule: 'Cambiar fecha', addToCalendar: 'Agregar al calendario' },
  status: { pending: 'Por confirmar', confirmed: 'Confirmada', checked_in: 'En consulta', completed: 'Atendida', cancelled: 'Cancelada', no_show: 'No asistió' },
  via: { web: 'Web', ai: 'Asistente', phone: 'Teléfono', walk_in: 'Sin cita' },
  schedule: {
    title: 'Agenda del día', today: 'Hoy', prev: '← Día anterior', next: 'Día siguiente →', everyone: 'Todo el equipo', none: 'Sin citas este día.',
    confirm: 'Confirmar', checkIn: 'Llegó', complete: 'Terminar', noShow: 'No vino', followUp: 'Seguimiento en (días)', followUpOffer: 'Horarios para el seguimiento el {{date}}: {{times}}',
    block: 'Bloquear horario', blockReason: 'Motivo', start: 'Inicio', end: 'Fin', blocked: 'Horario bloqueado.', wholeClinic: 'Toda la clínica', walkIn: 'Agendar para una mascota', updated: 'Cita actualizada.',
  },
  team: { title: 'Horarios del equipo', hours: 'Horario semanal', dayOff: 'Días libres', addDayOff: 'Agregar día libre', from: 'Desde', to: 'Hasta', reason: 'Motivo', saved: 'Horario guardado.', holidays: 'Días festivos (clínica cerrada)', addHoliday: 'Agregar festivo', name: 'Nombre', weekdays: ['Lunes', 'Martes', 'Miércoles', 'Jueves', 'Viernes', 'Sábado', 'Domingo'], help: 'Hasta dos turnos por día (por ejemplo 09:00–14:00 y 16:00–20:00). Deja vacío un día que no trabaja.' },
};
