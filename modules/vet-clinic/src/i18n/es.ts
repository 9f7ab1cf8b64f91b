export const es = {
  nav: { myPets: 'Mis mascotas', search: 'Buscar', today: 'Hoy' },
  species: { dog: 'Perro', cat: 'Gato', bird: 'Ave', rabbit: 'Conejo', other: 'Otro' },
  gender: { male: 'Macho', female: 'Hembra', unknown: 'Sin especificar' },
  severity: { mild: 'Leve', moderate: 'Moderada', severe: 'Grave' },
  route: { oral: 'Oral', injection: 'Inyectable', topical: 'Tópica', ophthalmic: 'Oftálmica', otic: 'Ótica', inhaled: 'Inhalada' },
  pet: {
    name: 'Nombre', species: 'Especie', breed: 'Raza', color: 'Color / señas', dateOfBirth: 'Fecha de nacimiento', gender: 'Sexo', isNeutered: 'Esterilizado(a)',
    weightKg: 'Peso (kg)', microchipNumber: 'Microchip', microchipImplantedOn: 'Fecha de implante del microchip', notes: 'Notas', photo: 'Foto', isDeceased: 'Falleció', deceasedDate: 'Fecha de fallecimiento',
    add: 'Agregar mascota', edit: 'Editar', saved: 'Datos guardados.', created: '¡{{name}} ya está registrado(a)!', photoSaved: 'Foto actualizada.', changePhoto: 'Cambiar foto', uploadPhoto: 'Subir foto',
    none: 'Aún no tienes mascotas registradas.', age: '{{years}} a {{months}} m', ageMonths: '{{months}} meses', owner: 'Propietario', chart: 'Expediente',
  },
  tabs: { summary: 'Resumen', visits: 'Consultas', vaccines: 'Vacunas', health: 'Alergias y medicamentos', travel: 'Viajes' },
  visit: {
    title: 'Consultas', new: 'Registrar consulta', reason: 'Motivo', visitDate: 'Fecha y hora', subjective: 'S — Subjetivo (historia, lo que refiere el propietario)', objective: 'O — Objetivo (examen físico)',
    assessment: 'A — Evaluación (diagnóstico)', plan: 'P — Plan (tratamiento, indicaciones)', close: 'Cerrar la consulta', closed: 'Cerrada', open: 'Abierta', locked: 'Bloqueada',
    saved: 'Consulta registrada.', none: 'Sin consultas registradas.', by: 'Atendió {{name}}', addendum: 'Adenda', addAddendum: 'Agregar adenda', addendumSaved: 'Adenda agregada.', section: 'Sección',
    note: 'Nota clínica', addNote: 'Agregar nota', internal: 'Interna (solo personal)', shared: 'Compartida con el propietario', noteSaved: 'Nota agregada.', edit: 'Editar consulta', lockedHelp: 'La consulta se bloqueó 24 h después de cerrarse; los cambios se hacen con adendas.',
  },
  vitals: { title: 'Signos vitales', weightKg: 'Peso (kg)', temperatureC: 'Temperatura (°C)', heartRate: 'Frec. cardiaca (lpm)', respiratoryRate: 'Frec. respiratoria (rpm)', bodyConditionScore: 'Condición corporal (1–9)', weightChart: 'Peso en el tiempo (kg)' },
  vaccination: {
    title: 'Vacunas', given: 'Aplicadas', due: 'Próximas', add: 'Registrar vacuna', vaccine: 'Vacuna', protocol: 'Protocolo', other: 'Otra', administeredDate: 'Fecha de aplicación', manufacturer: 'Laboratorio',
    lot: 'Lote', expiryDate: 'Caducidad del frasco', nextDue: 'Próxima dosis', givenElsewhere: 'Aplicada en otra clínica', site: 'Sitio de aplicación', saved: 'Vacuna registrada.', noneGiven: 'Sin vacunas registradas.', noneDue: 'Nada pendiente por ahora.',
  },
  allergy: { title: 'Alergias', add: 'Agregar alergia', allergen: 'Alérgeno', reaction: 'Reacción', severity: 'Severidad', diagnosedDate: 'Fecha de diagnóstico', saved: 'Alergia registrada.', none: 'Sin alergias conocidas.' },
  medication: { title: 'Medicamentos', add: 'Agregar medicamento', name: 'Medicamento', dosage: 'Dosis', frequency: 'Frecuencia', route: 'Vía', startDate: 'Inicio', endDate: 'Fin', isOngoing: 'Tratamiento continuo', current: 'Actual', past: 'Terminado', saved: 'Medicamento registrado.', none: 'Sin medicamentos.' },
  travelPlan: {
    title: 'Viajes', new: 'Planear un viaje', destination: 'Destino', travelDate: 'Fecha de llegada', create: 'Crear lista de pendientes', created: 'Listo: esta es la lista de pendientes para el viaje.',
    pdfTitle: 'Lista para viajar: {{pet}} a {{destination}}', download: 'Descargar lista (PDF)', dueBy: 'a más tardar el {{date}}', notFeasible: 'Con esta fecha no se cumplen los requisitos. Fecha más próxima posible: {{date}}.',
    generatedOn: 'Generado el {{date}}', status: { done: 'Listo', pending: 'Pendiente', overdue: 'Atrasado', blocked: 'No es posible a tiempo' }, none: 'Sin viajes planeados.',
    certificate: 'Certificado de salud', issue: 'Emitir y firmar certificado', issued: 'Certificado {{number}} emitido.', downloadCertificate: 'Descargar certificado (PDF)',
  },
  certificate: {
    title: 'Certificado de salud para viaje', number: 'Folio', issuedOn: 'Fecha de expedición', destination: 'Destino', animal: 'Datos del animal', owner: 'Propietario', vaccinations: 'Vacunación',
    statement: 'El suscrito médico veterinario certifica que examinó a {{pet}} en la fecha de expedición, que se encontró clínicamente sano, libre de signos de enfermedades infectocontagiosas y de ectoparásitos, y apto para viajar.',
    license: 'Cédula profesional', footer: 'Vigente para un viaje con llegada a más tardar el {{date}}. Verifique los requisitos vigentes del país de destino.',
  },
  admin: {
    home: 'Inicio', welcome: 'Hola, {{name}}', searchTitle: 'Buscar propietario o mascota', searchPlaceholder: 'Nombre de mascota, propietario, teléfono, correo o microchip', results: 'Resultados', noResults: 'Sin resultados para “{{query}}”.',
    recentPets: 'Mascotas con actividad reciente', owners: 'Propietarios', pets: 'Mascotas', outbox: 'Mensajes que enviaría el sistema', outboxHelp: 'Sin proveedor configurado, los correos y mensajes se guardan aquí.', noOutbox: 'No hay mensajes.',
    ownerPets: 'Mascotas de {{name}}', addPetFor: 'Agregar mascota', stats: { owners: 'Propietarios', pets: 'Mascotas activas', visitsToday: 'Consultas hoy', overdue: 'Vacunas vencidas' },
  },
  my: { title: 'Mis mascotas', travelIntro: 'Revisa qué necesita tu mascota para viajar y descarga la lista con fechas.' },
};
