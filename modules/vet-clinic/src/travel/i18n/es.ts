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

  'travel.destination.GB': 'Gran Bretaña',
  'travel.destination.JP': 'Japón',
  'travel.destination.AR': 'Argentina',
  'travel.destination.CO': 'Colombia',
  'travel.rabies_doses': 'Al menos {{doses}} vacunas antirrábicas: cada una al menos {{days}} días después de la anterior y antes de que esa venza.',
  'travel.rabies_titre':
    'Prueba de anticuerpos contra la rabia: muestra de sangre tomada el día de la última vacuna o después, con resultado de al menos 0,5 UI/ml en un laboratorio aprobado por el destino; se entra a partir de {{days}} días después de la muestra, que vale {{months}} meses.',
  'travel.jp_advance_notification': 'Aviso previo al Servicio de Cuarentena Animal de Japón al menos {{toDays}} días antes de la llegada.',
  'travel.gb_tapeworm_treatment':
    'Desparasitación contra la tenia (Echinococcus) con praziquantel, aplicada por un médico veterinario entre {{toDays}} y {{fromDays}} días (24 a 120 horas) antes de la llegada.',
  'travel.parasite_treatment':
    'Recomendado: desparasitación interna y externa entre {{toDays}} y {{fromDays}} días antes de la llegada, anotada en el certificado (confirma el plazo con la autoridad).',
  'travel.gb_health_certificate':
    'Certificado sanitario para Gran Bretaña llenado por el veterinario y endosado por SENASICA, expedido máximo {{days}} días antes de la llegada.',
  'travel.jp_export_certificate':
    'Revisión clínica dentro de los {{days}} días previos a la salida y certificado de exportación en el formato de Japón, endosado por SENASICA.',
  'travel.official_health_certificate':
    'Certificado de salud de un médico veterinario, endosado por SENASICA, que haga constar que el animal fue revisado dentro de los {{days}} días previos al viaje y no presenta signos de enfermedad.',
  'travel.parasite_treatment_on_certificate': 'Recomendado: desparasitación interna y externa, anotada en el certificado.',
  'travel.core_vaccines_current':
    'Recomendado: vacunas básicas de la especie al día (perros: moquillo, hepatitis, leptospirosis, parvovirus; gatos: las vacunas felinas básicas).',
  'travel.checklist.rabies_next_dose': 'Aplicar la siguiente dosis antirrábica entre el {{from}} y el {{dueBy}} (la anterior fue el {{date}}).',
  'travel.checklist.rabies_course_needed':
    'Empezar las vacunas antirrábicas: la primera dosis entre el {{from}} y el {{dueBy}}, {{doses}} dosis en total, cada una al menos {{days}} días después de la anterior.',
  'travel.checklist.rabies_titre_valid': 'Prueba de anticuerpos contra la rabia con muestra del {{date}}: aprobada, vigente hasta el {{validUntil}}.',
  'travel.checklist.rabies_titre_wait_not_met':
    'La prueba de anticuerpos con muestra del {{date}} permite entrar a partir del {{validFrom}} ({{days}} días después), o sea, después de la fecha del viaje.',
  'travel.checklist.rabies_titre_needed':
    'Tomar la muestra de sangre para la prueba de anticuerpos contra la rabia entre el {{from}} y el {{dueBy}}, después de la última vacuna: se puede entrar {{days}} días después de la muestra.',
  'travel.checklist.rabies_titre_too_late':
    'La muestra de sangre para la prueba de anticuerpos contra la rabia tendría que haberse tomado a más tardar el {{dueBy}} ({{days}} días antes de llegar), después de la última vacuna.',
  'travel.checklist.jp_advance_notification': 'Enviar el aviso previo al Servicio de Cuarentena Animal de Japón a más tardar el {{to}}.',
  'travel.checklist.gb_tapeworm_treatment':
    'Que un médico veterinario aplique el desparasitante contra la tenia entre el {{from}} y el {{to}}, de 24 a 120 horas antes de llegar, anotando fecha y hora.',
  'travel.checklist.parasite_treatment': 'Aplicar la desparasitación interna y externa entre el {{from}} y el {{to}} y que quede anotada en el certificado.',
  'travel.checklist.gb_health_certificate': 'Sacar el certificado sanitario para Gran Bretaña y endosarlo en SENASICA entre el {{from}} y el {{to}}.',
  'travel.checklist.jp_export_certificate': 'Revisión clínica y certificado de exportación para Japón, endosado por SENASICA, entre el {{from}} y el {{to}}.',
  'travel.checklist.official_health_certificate': 'Sacar el certificado de salud y endosarlo en SENASICA entre el {{from}} y el {{to}}.',
  'travel.staff.checklist.jp_advance_notification': 'El propietario envía el aviso previo al Servicio de Cuarentena Animal de Japón a más tardar el {{to}}.',
  'travel.staff.checklist.gb_tapeworm_treatment':
    'Aplicar el desparasitante contra la tenia (praziquantel) entre el {{from}} y el {{to}}, de 24 a 120 horas antes de la llegada, y anotar producto, fecha y hora.',
  'travel.staff.checklist.gb_health_certificate':
    'Llenar y firmar el certificado sanitario para Gran Bretaña entre el {{from}} y el {{to}}; el propietario lo endosa en SENASICA.',
  'travel.staff.checklist.jp_export_certificate':
    'Hacer la revisión clínica y llenar el certificado de exportación para Japón entre el {{from}} y el {{to}}; el propietario lo endosa en SENASICA.',
  'travel.staff.checklist.official_health_certificate':
    'Emitir y firmar el certificado de salud entre el {{from}} y el {{to}}; el propietario lo endosa en SENASICA.',
  'travel.note.gb_tapeworm_hours':
    'El desparasitante contra la tenia debe quedar entre 24 y 120 horas antes de la hora de llegada prevista: plánealo según la hora del vuelo.',
  'travel.note.gb_listed_no_titre': 'México está en la lista de países de Gran Bretaña, así que no se necesita prueba de anticuerpos contra la rabia.',
  'travel.note.gb_approved_route':
    'Las mascotas deben entrar a Gran Bretaña con una empresa de transporte y por una ruta aprobadas (en avión, por lo general en bodega o como carga): confírmalo con la aerolínea antes de comprar.',
  'travel.note.gb_max_five_pets': 'Como viaje no comercial se permiten hasta 5 mascotas por persona.',
  'travel.note.jp_leptospirosis': 'Para perros, el certificado también hace constar que el perro no presenta signos de leptospirosis.',
  'travel.note.jp_designated_lab':
    'La prueba de anticuerpos debe hacerse en un laboratorio designado por Japón (lista en el sitio del MAFF); la muestra puede tomarse el día de la última dosis y el resultado tarda semanas.',
  'travel.note.jp_keep_vaccination':
    'Mantén vigente la vacuna antirrábica con un refuerzo antes de que venza cada dosis: si se vence, las vacunas, la prueba y los 180 días empiezan de nuevo.',
  'travel.note.jp_quarantine_if_short':
    'Un animal que llega antes de cumplir los 180 días, o sin el aviso previo, se queda en la estación de cuarentena hasta 180 días.',
  'travel.note.ar_certificate_spanish': 'El certificado debe estar en español (o acompañado de traducción) e identificar al propietario y al animal.',
  'travel.note.ar_parasites_confirm': 'SENASA pide que la desparasitación conste en el certificado, pero no publica un plazo: confírmalo con SENASA.',
  'travel.note.ar_inspection_fee': 'SENASA cobra una tarifa de inspección al llegar; los animales que cumplen los requisitos no hacen cuarentena.',
  'travel.note.co_ica_inspection':
    'Al llegar, el ICA revisa al animal y sus documentos y expide el Certificado de Inspección Sanitaria (CIS); solicítalo en línea antes y lleva el comprobante de pago.',
  'travel.note.co_confirm_with_ica': 'El plazo de la desparasitación y las demás vacunas son aquí recomendaciones: confírmalos con el ICA antes de viajar.',
};
