/** The clinic's FAQ as seeded into an empty knowledge base: Spanish (Mexico) and English. */
export type SeedEntry = { title: string; slug: string; category: string; content: string; keywords: string[]; language: 'es' | 'en' };

const es: Omit<SeedEntry, 'language'>[] = [
  {
    slug: 'horario-de-atencion',
    category: 'clinic',
    title: 'Horario de atención',
    keywords: ['horario', 'horarios', 'abierto', 'abren', 'cierran', 'días festivos', 'sábado', 'domingo'],
    content:
      'Atendemos con cita. Los horarios disponibles de cada día (y los días festivos en que cerramos) aparecen en la página [Agendar cita](/book): ahí ves en tiempo real los espacios libres de cada veterinario.\n\nSi tu mascota tiene una urgencia fuera de horario, llámanos: te indicamos a dónde acudir.',
  },
  {
    slug: 'servicios-y-precios',
    category: 'services',
    title: 'Servicios y precios',
    keywords: ['precio', 'precios', 'costo', 'cuánto cuesta', 'tarifa', 'consulta', 'servicios'],
    content:
      'Precios de referencia con IVA incluido:\n• Consulta general: $450\n• Consulta de dermatología: $650\n• Vacunación: desde $350 (según la vacuna)\n• Desparasitación: $250\n• Estética (baño y corte): desde $400, según tamaño y pelaje\n• Esterilización: desde $2,800 (según especie, sexo y peso; requiere valoración previa)\n• Limpieza dental: $1,800 (requiere valoración previa)\n• Urgencias: $900 la consulta inicial\n\nLos medicamentos, estudios de laboratorio y hospitalización se cobran aparte. Puedes [agendar cualquier servicio](/book) en línea.',
  },
  {
    slug: 'vacunacion-de-cachorros-y-gatitos',
    category: 'vaccination',
    title: 'Calendario de vacunación para cachorros y gatitos',
    keywords: ['vacuna', 'vacunas', 'vacunación', 'cachorro', 'gatito', 'rabia', 'refuerzo', 'parvovirus', 'moquillo', 'triple felina'],
    content:
      'Seguimos las guías de la WSAVA.\n\nPerros: vacunas esenciales (moquillo, parvovirus, hepatitis/adenovirus) a partir de las 6–8 semanas y cada 2–4 semanas hasta las 16 semanas o más. Refuerzo entre los 6 y 12 meses.\n\nGatos: triple felina (panleucopenia, herpesvirus y calicivirus) con el mismo esquema desde las 6–8 semanas hasta las 16 semanas.\n\nRabia (perros y gatos): primera dosis entre las 12 y 16 semanas; en México es obligatoria.\n\nDespués, refuerzos anuales según el plan que te indique tu veterinario. Trae la cartilla de vacunación a cada cita.',
  },
  {
    slug: 'desparasitacion',
    category: 'vaccination',
    title: 'Desparasitación interna y externa',
    keywords: ['desparasitar', 'parásitos', 'lombrices', 'pulgas', 'garrapatas', 'desparasitante'],
    content:
      'Cachorros y gatitos: desparasitación interna cada 2 semanas desde las 2 semanas de edad hasta los 3 meses, y después cada mes hasta los 6 meses.\n\nAdultos: cada 3 meses, o con mayor frecuencia si conviven con niños, salen al campo o comen carne cruda.\n\nPulgas y garrapatas: protección mensual o trimestral según el producto. El servicio de desparasitación cuesta $250; tu veterinario elige el producto según el peso.',
  },
  {
    slug: 'viajar-con-tu-mascota',
    category: 'travel',
    title: 'Viajar con tu mascota al extranjero',
    keywords: ['viaje', 'viajar', 'certificado', 'microchip', 'Estados Unidos', 'Canadá', 'Europa', 'avión', 'aerolínea'],
    content:
      'Para Estados Unidos, Canadá, la Unión Europea y Gran Bretaña normalmente se necesita:\n• Microchip ISO colocado antes de la vacuna antirrábica.\n• Vacuna antirrábica vigente (para la UE y Gran Bretaña, aplicada al menos 21 días antes del viaje; desde México no piden prueba de anticuerpos).\n• Certificado de salud emitido por un veterinario pocos días antes del viaje.\n\nJapón pide además dos vacunas, una prueba de anticuerpos y esperar 180 días. Los requisitos cambian por país y aerolínea: agenda una consulta al menos 30 días antes (más de seis meses si viajas a Japón). En la ficha de tu mascota, «Viajes» te da la lista con fechas para cada destino.',
  },
  {
    slug: 'tienda-envios-y-recoleccion',
    category: 'store',
    title: 'Tienda: recoger en clínica o envío a domicilio',
    keywords: ['tienda', 'envío', 'envío gratis', 'domicilio', 'recoger', 'pedido', 'alimento'],
    content:
      'En la [tienda en línea](/store) eliges al pagar si recoges tu pedido en la clínica (sin costo) o lo enviamos a tu domicilio. El envío es gratis en compras desde $999; por debajo se cobra según la zona.\n\nTe avisamos cuando tu pedido esté listo para recoger o en camino. Puedes ver el estado en "Mis pedidos".',
  },
  {
    slug: 'medicamentos-con-receta',
    category: 'store',
    title: 'Medicamentos con receta y controlados',
    keywords: ['receta', 'medicamento', 'medicamentos', 'antibiótico', 'controlado', 'farmacia'],
    content:
      'Los medicamentos que requieren receta solo se venden con una receta vigente de un veterinario; puedes subirla al hacer tu pedido o la emite nuestro médico en consulta.\n\nLos medicamentos controlados se entregan únicamente en la clínica, con receta vigente y a la persona responsable de la mascota. No se envían a domicilio.',
  },
  {
    slug: 'devoluciones',
    category: 'store',
    title: 'Cambios y devoluciones',
    keywords: ['devolución', 'devolver', 'cambio', 'reembolso', 'garantía'],
    content:
      'Aceptamos devoluciones de productos cerrados y en buen estado dentro de los 30 días posteriores a la compra, con tu ticket o número de pedido. Por seguridad, los medicamentos y alimentos abiertos no se pueden devolver. Si un producto llegó dañado, avísanos en 48 horas y lo reponemos.',
  },
  {
    slug: 'formas-de-pago-y-facturas',
    category: 'payments',
    title: 'Formas de pago y facturación (CFDI)',
    keywords: ['pago', 'pagar', 'tarjeta', 'efectivo', 'transferencia', 'factura', 'facturar', 'CFDI', 'RFC'],
    content:
      'Aceptamos efectivo, tarjeta de crédito o débito y transferencia bancaria.\n\nFacturación: emitimos CFDI 4.0. Entra a [Mis facturas](/my/invoices), captura tu RFC, razón social, régimen fiscal y código postal tal como aparecen en tu constancia de situación fiscal, y solicita la factura del mes en curso.',
  },
  {
    slug: 'urgencias',
    category: 'emergencies',
    title: 'Urgencias: qué hacer',
    keywords: ['urgencia', 'emergencia', 'accidente', 'envenenamiento', 'atropellado', 'no respira', 'convulsión'],
    content:
      'Si tu mascota no respira bien, sangra mucho, convulsiona, fue atropellada, comió algo tóxico (chocolate, uvas, raticida, medicamentos) o tiene el abdomen inflamado, llámanos de inmediato y ven a la clínica. La consulta de urgencia cuesta $900.\n\nMientras llegas: mantenla tranquila y abrigada, no le des medicamentos de uso humano y, si comió algo tóxico, trae el empaque.',
  },
  {
    slug: 'primera-visita',
    category: 'clinic',
    title: 'Qué llevar a la primera consulta',
    keywords: ['primera vez', 'primera consulta', 'cartilla', 'nuevo paciente', 'qué llevar'],
    content:
      'Trae la cartilla de vacunación y cualquier estudio o receta anterior, el nombre del alimento que come y una lista de dudas. Los perros deben venir con correa y los gatos en transportadora. Si puedes, llega 10 minutos antes para registrar a tu mascota, o regístrala antes en "Mis mascotas".',
  },
  {
    slug: 'preparacion-para-esterilizacion',
    category: 'services',
    title: 'Preparación para la esterilización',
    keywords: ['esterilización', 'esterilizar', 'castración', 'castrar', 'cirugía', 'ayuno', 'operación'],
    content:
      'Antes de la cirugía hacemos una valoración y, según la edad, estudios de sangre. La noche anterior: ayuno de alimento de 8 a 12 horas (el agua se retira 2 horas antes). En cachorros muy pequeños el ayuno es más corto: pregúntanos.\n\nEl día de la cirugía tu mascota se va a casa por la tarde con collar isabelino, analgésico y indicaciones. La revisión y retiro de puntos es a los 10 días. Precio desde $2,800.',
  },
];

const en: Omit<SeedEntry, 'language'>[] = [
  {
    slug: 'opening-hours',
    category: 'clinic',
    title: 'Opening hours',
    keywords: ['hours', 'open', 'opening times', 'closed', 'holidays', 'saturday', 'sunday'],
    content:
      "We see patients by appointment. The times available each day (and the holidays we are closed) are shown on the [Book an appointment](/book) page, with every vet's free slots in real time.\n\nIf your pet has an emergency outside opening hours, call us and we will tell you where to go.",
  },
  {
    slug: 'services-and-prices',
    category: 'services',
    title: 'Services and prices',
    keywords: ['price', 'prices', 'cost', 'how much', 'fee', 'consultation', 'services'],
    content:
      'Guide prices in Mexican pesos, VAT included:\n• General consultation: $450\n• Dermatology consultation: $650\n• Vaccination: from $350 (depends on the vaccine)\n• Deworming: $250\n• Grooming (bath and cut): from $400, by size and coat\n• Spaying/neutering: from $2,800 (by species, sex and weight; needs a check-up first)\n• Dental cleaning: $1,800 (needs a check-up first)\n• Emergencies: $900 for the first consultation\n\nMedicines, lab tests and hospital stays are charged separately. [Book any service](/book) online.',
  },
  {
    slug: 'puppy-and-kitten-vaccinations',
    category: 'vaccination',
    title: 'Vaccination schedule for puppies and kittens',
    keywords: ['vaccine', 'vaccines', 'vaccination', 'shots', 'puppy', 'kitten', 'rabies', 'booster', 'parvo', 'distemper'],
    content:
      'We follow the WSAVA guidelines.\n\nDogs: core vaccines (distemper, parvovirus, hepatitis/adenovirus) from 6–8 weeks of age, every 2–4 weeks until 16 weeks or older, with a booster at 6–12 months.\n\nCats: the feline core vaccine (panleukopenia, herpesvirus, calicivirus) on the same schedule from 6–8 weeks until 16 weeks.\n\nRabies (dogs and cats): first dose at 12–16 weeks; it is compulsory in Mexico.\n\nAfter that, yearly boosters as your vet plans them. Bring the vaccination card to every visit.',
  },
  {
    slug: 'deworming',
    category: 'vaccination',
    title: 'Deworming and flea and tick control',
    keywords: ['deworm', 'worms', 'parasites', 'fleas', 'ticks', 'dewormer'],
    content:
      'Puppies and kittens: deworm every 2 weeks from 2 weeks of age until 3 months, then monthly until 6 months.\n\nAdults: every 3 months, or more often if they live with children, go to the countryside or eat raw meat.\n\nFleas and ticks: monthly or three-monthly protection depending on the product. Deworming costs $250; your vet picks the product by weight.',
  },
  {
    slug: 'travelling-with-your-pet',
    category: 'travel',
    title: 'Travelling abroad with your pet',
    keywords: ['travel', 'trip', 'health certificate', 'microchip', 'USA', 'Canada', 'Europe', 'flight', 'airline'],
    content:
      'For the USA, Canada, the European Union and Great Britain you usually need:\n• An ISO microchip, implanted before the rabies vaccine.\n• A valid rabies vaccination (for the EU and Great Britain, given at least 21 days before travel; from Mexico no antibody test is needed).\n• A health certificate issued by a vet a few days before travelling.\n\nJapan also asks for two vaccinations, an antibody test and a 180-day wait. Rules change by country and airline: book a consultation at least 30 days before you travel (more than six months before for Japan). Your pet\'s "Travel" page gives the dated checklist for each destination.',
  },
  {
    slug: 'store-pickup-and-delivery',
    category: 'store',
    title: 'Store: pick up at the clinic or home delivery',
    keywords: ['store', 'shop', 'shipping', 'free shipping', 'delivery', 'pickup', 'order', 'food'],
    content:
      'In the [online store](/store) you choose at checkout whether to pick up your order at the clinic (free) or have it delivered. Delivery is free on orders from $999; below that it is charged by area.\n\nWe let you know when your order is ready or on its way; see its status under "My orders".',
  },
  {
    slug: 'prescription-medicines',
    category: 'store',
    title: 'Prescription and controlled medicines',
    keywords: ['prescription', 'medicine', 'medication', 'antibiotic', 'controlled', 'pharmacy'],
    content:
      'Prescription medicines are only sold with a current prescription from a vet; upload it with your order or our vet issues it during a consultation.\n\nControlled medicines are handed over only at the clinic, with a current prescription, to the person responsible for the pet. They are never delivered.',
  },
  {
    slug: 'returns',
    category: 'store',
    title: 'Exchanges and returns',
    keywords: ['return', 'refund', 'exchange', 'warranty'],
    content:
      'We accept returns of unopened products in good condition within 30 days of purchase, with your receipt or order number. For safety, opened medicines and food cannot be returned. If a product arrived damaged, tell us within 48 hours and we replace it.',
  },
  {
    slug: 'payments-and-invoices',
    category: 'payments',
    title: 'Payment methods and invoices (CFDI)',
    keywords: ['payment', 'pay', 'card', 'cash', 'bank transfer', 'invoice', 'factura', 'CFDI', 'RFC', 'tax'],
    content:
      'We accept cash, credit or debit card and bank transfer.\n\nInvoices: we issue CFDI 4.0 (Mexican "facturas"). Go to [My invoices](/my/invoices), enter your RFC, legal name, tax regime and postcode exactly as on your tax certificate, and request the invoice within the same month.',
  },
  {
    slug: 'emergencies',
    category: 'emergencies',
    title: 'Emergencies: what to do',
    keywords: ['emergency', 'urgent', 'accident', 'poisoning', 'hit by a car', 'not breathing', 'seizure'],
    content:
      'If your pet struggles to breathe, bleeds heavily, has a seizure, was hit by a car, ate something toxic (chocolate, grapes, rat poison, medicines) or has a swollen belly, call us at once and come to the clinic. An emergency consultation costs $900.\n\nOn the way: keep them calm and warm, do not give human medicines, and if they ate something toxic bring the packaging.',
  },
  {
    slug: 'first-visit',
    category: 'clinic',
    title: 'What to bring to the first visit',
    keywords: ['first visit', 'first time', 'new patient', 'vaccination card', 'what to bring'],
    content:
      'Bring the vaccination card and any earlier tests or prescriptions, the name of the food your pet eats and a list of questions. Dogs should come on a lead and cats in a carrier. If you can, arrive 10 minutes early to register your pet, or register it beforehand under "My pets".',
  },
  {
    slug: 'spay-neuter-preparation',
    category: 'services',
    title: 'Getting ready for spaying or neutering',
    keywords: ['spay', 'neuter', 'sterilisation', 'sterilization', 'castration', 'surgery', 'fasting', 'operation'],
    content:
      'Before surgery we do a check-up and, depending on age, blood tests. The night before: no food for 8 to 12 hours (water is taken away 2 hours before). Very young puppies and kittens fast for less time: ask us.\n\nYour pet goes home the same afternoon with a cone, pain relief and instructions. The check and stitch removal is 10 days later. From $2,800.',
  },
];

export const knowledgeSeed: SeedEntry[] = [...es.map((e) => ({ ...e, language: 'es' as const })), ...en.map((e) => ({ ...e, language: 'en' as const }))];
