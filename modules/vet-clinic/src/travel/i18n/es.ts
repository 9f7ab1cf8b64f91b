export const es: Record<string, string> = {
  'travel.destination.US': 'Estados Unidos',
  'travel.destination.EU': 'Unión Europea',
  'travel.destination.CA': 'Canadá',

  'travel.min_age': 'Tener al menos {{months}} meses de edad al llegar.',
  'travel.microchip': 'Microchip {{standard}} implantado y legible.',
  'travel.microchip_before_rabies': 'El microchip debe implantarse antes o el mismo día que la vacuna antirrábica.',
  'travel.rabies_vaccine': 'Vacuna antirrábica vigente, aplicada a partir de las {{minAgeWeeks}} semanas de edad.',
  'travel.rabies_from_age': 'Certificado de vacunación antirrábica vigente para perros y gatos de {{months}} meses o más.',
  'travel.rabies_wait':
    'Después de la primera vacuna antirrábica (o de una revacunación fuera de vigencia) deben pasar al menos {{days}} días antes de entrar.',
  'travel.cdc_dog_import_form': 'Recibo del formulario CDC Dog Import Form, llenado en línea entre {{fromDays}} y {{toDays}} días antes de la llegada.',
  'travel.health_certificate':
    'Certificado de salud firmado por un médico veterinario, expedido dentro de los {{days}} días previos al viaje (lo piden la mayoría de las aerolíneas).',
  'travel.eu_health_certificate':
    'Certificado sanitario de la UE llenado por el veterinario y endosado por SENASICA, expedido máximo {{days}} días antes de la entrada; luego sirve {{months}} meses para moverse dentro de la UE.',
  'travel.cdc_low_risk_history': 'En los últimos {{months}} meses, el perro solo estuvo en países libres de rabia o de bajo riesgo (como México).',
  'travel.healthy_on_arrival': 'Llegar sano, sin signos de enfermedad.',

  'travel.checklist.species_not_covered': 'No tenemos las reglas para viajar con esta especie; consulta directamente con la autoridad del país de destino.',
  'travel.checklist.min_age': 'Tu mascota cumple {{months}} meses el {{date}}; antes de esa fecha no puede entrar.',
  'travel.checklist.min_age_confirm': 'Confirma que tu mascota tenga al menos {{months}} meses al llegar (no tenemos registrada su fecha de nacimiento).',
  'travel.checklist.microchip': 'Microchip {{number}} registrado.',
  'travel.checklist.microchip_needed': 'Implantar un microchip {{standard}} a más tardar el {{dueBy}}.',
  'travel.checklist.microchip_date_missing':
    'Registra la fecha en que se implantó el microchip {{number}}: la vacuna antirrábica solo cuenta si se aplicó ese día o después. Fecha límite: {{dueBy}}.',
  'travel.checklist.rabies_not_required': 'No necesita vacuna antirrábica: llegará con menos de {{months}} meses de edad.',
  'travel.checklist.rabies_valid': 'Vacuna antirrábica del {{date}}, vigente hasta el {{validUntil}}.',
  'travel.checklist.rabies_wait_not_met':
    'La vacuna antirrábica del {{date}} será válida para entrar a partir del {{validFrom}} ({{days}} días después), o sea, después de la fecha del viaje.',
  'travel.checklist.rabies_booster': 'La vacuna antirrábica vence el {{validUntil}}, antes del viaje: revacunar a más tardar el {{dueBy}}.',
  'travel.checklist.rabies_too_young':
    'Tu mascota podrá vacunarse contra la rabia a partir del {{eligibleOn}} ({{minAgeWeeks}} semanas de edad), pero para este viaje tendría que estar vacunada a más tardar el {{dueBy}}.',
  'travel.checklist.rabies_before_microchip':
    'La vacuna antirrábica del {{date}} no cuenta porque no consta que se haya aplicado después del microchip; hay que revacunar a más tardar el {{dueBy}}.',
  'travel.checklist.rabies_needed': 'Aplicar la vacuna antirrábica entre el {{from}} y el {{dueBy}}.',
  'travel.checklist.cdc_dog_import_form': 'Llenar el formulario CDC Dog Import Form entre el {{from}} y el {{to}} y llevar el recibo.',
  'travel.checklist.health_certificate': 'Sacar el certificado de salud entre el {{from}} y el {{to}}.',
  'travel.checklist.eu_health_certificate': 'Sacar el certificado sanitario de la UE y endosarlo en SENASICA entre el {{from}} y el {{to}}.',

  // The same items addressed to the clinic team (the admin's travel plan).
  'travel.staff.checklist.species_not_covered':
    'No tenemos las reglas de viaje para esta especie: orienta al propietario a consultar a la autoridad del país de destino.',
  'travel.staff.checklist.min_age': 'El paciente cumple {{months}} meses el {{date}}; antes de esa fecha no puede entrar.',
  'travel.staff.checklist.min_age_confirm':
    'Confirmar con el propietario que el paciente tendrá al menos {{months}} meses al llegar y registrar su fecha de nacimiento.',
  'travel.staff.checklist.rabies_not_required': 'No necesita vacuna antirrábica: el paciente llegará con menos de {{months}} meses de edad.',
  'travel.staff.checklist.microchip_date_missing':
    'Registrar en el expediente la fecha de implantación del microchip {{number}}: la vacuna antirrábica solo cuenta si se aplicó ese día o después. Fecha límite: {{dueBy}}.',
  'travel.staff.checklist.rabies_too_young':
    'El paciente podrá vacunarse contra la rabia a partir del {{eligibleOn}} ({{minAgeWeeks}} semanas de edad), pero para este viaje tendría que estar vacunado a más tardar el {{dueBy}}.',
  'travel.staff.checklist.cdc_dog_import_form': 'El propietario llena el formulario CDC Dog Import Form entre el {{from}} y el {{to}} y lleva el recibo.',
  'travel.staff.checklist.health_certificate': 'Emitir y firmar el certificado de salud entre el {{from}} y el {{to}}.',
  'travel.staff.checklist.eu_health_certificate':
    'Llenar y firmar el certificado sanitario de la UE entre el {{from}} y el {{to}}; el propietario lo endosa en SENASICA.',

  'travel.note.verify_official_sources': 'Los requisitos cambian: confírmalos con la autoridad del destino y con tu aerolínea antes de viajar.',
  'travel.note.species_not_covered': 'Para aves, conejos y otras especies los requisitos dependen de cada país; consúltalos con la autoridad del destino.',
  'travel.note.us_rabies_airlines_states':
    'Los CDC no piden certificado de rabia a perros que vienen de México, pero muchas aerolíneas y estados sí exigen la vacuna antirrábica vigente.',
  'travel.note.us_high_risk_history':
    'Si el perro estuvo en un país de alto riesgo de rabia en los últimos 6 meses, aplican requisitos más estrictos de los CDC.',
  'travel.note.us_cat_state_rules': 'Los CDC no exigen vacuna antirrábica a los gatos, pero algunos estados sí; revisa las reglas del estado de destino.',
  'travel.note.us_hawaii_guam': 'Hawái y Guam tienen sus propias reglas y cuarentenas.',
  'travel.note.eu_no_titer': 'México está en la lista de países de la UE (Reglamento 577/2013), así que no se necesita prueba de anticuerpos contra la rabia.',
  'travel.note.eu_certificate_validity':
    'El certificado sirve para entrar en los 10 días siguientes a su expedición y luego 4 meses para moverse dentro de la UE, o hasta que venza la vacuna antirrábica si es antes.',
  'travel.note.eu_certificate_after_wait':
    'Muchos veterinarios oficiales firman el certificado solo cuando ya pasaron los 21 días desde la vacuna antirrábica: conviene vacunar con más de un mes de anticipación.',
  'travel.note.eu_echinococcus':
    'Los perros que van a Finlandia, Irlanda, Malta, Irlanda del Norte o Noruega necesitan un desparasitante contra Echinococcus aplicado por un veterinario entre 1 y 5 días antes de llegar.',
  'travel.note.eu_max_five_pets': 'Como viaje no comercial se permiten hasta 5 mascotas por persona.',
  'travel.note.eu_travellers_entry_point': 'Hay que entrar por un punto de entrada para viajeros y presentar los documentos en la revisión.',
  'travel.note.ca_no_waiting_period': 'Canadá no pide tiempo de espera después de la vacuna antirrábica.',
  'travel.note.ca_under_three_months':
    'Los perros y gatos de menos de 3 meses no necesitan certificado de rabia, pero deben llegar sanos; te pueden pedir comprobar su edad.',
  'travel.note.ca_certificate_content':
    'El certificado de rabia debe estar en inglés o francés e incluir raza, color, peso, vacuna, lote y vigencia (si no la indica, se toma como un año).',
};
