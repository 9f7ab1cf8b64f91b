import { type Actor, addLocalDays, money, type Platform } from '@petfriendly/core';

/**
 * Three clinics the manager watches (two in Mexico City, a chain's branch in Guadalajara), with prices
 * logged over half a year by website, phone and mystery shopper; one reads our shop pages from its
 * declared range. Their IP ranges are the documentation networks, so no real network is named.
 */
const COMPETITORS = [
  {
    name: 'Hospital Veterinario Del Valle',
    address: 'Av. Coyoacán 1420, Col. Del Valle, Benito Juárez, 03100 Ciudad de México',
    latitude: '19.372100',
    longitude: '-99.170900',
    website: 'https://hvdelvalle.example.mx',
    phone: '+52 55 5524 1180',
    servicesOffered: ['Consulta general', 'Vacunación', 'Esterilización', 'Hospitalización 24 h', 'Ultrasonido', 'Urgencias'],
    openingHours: 'Abierto las 24 horas, todos los días',
    notes: 'Hospital grande, fuerte en urgencias; cobra extra por consulta nocturna.',
    ipRanges: ['198.51.100.0/24'],
    // Their price against ours, per service, and how much it rose each time we asked.
    factors: { 'Consulta general': '1.15', Vacunación: '1.25', Esterilización: '0.85', Urgencia: '1.30', 'Limpieza dental': '1.05' },
    rise: '0.04',
    source: 'website' as const,
  },
  {
    name: 'Clínica Veterinaria Coyoacán',
    address: 'Calle Francisco Sosa 215, Santa Catarina, Coyoacán, 04010 Ciudad de México',
    latitude: '19.347600',
    longitude: '-99.168300',
    website: 'https://vetcoyoacan.example.mx',
    phone: '+52 55 5659 3021',
    servicesOffered: ['Consulta general', 'Vacunación', 'Desparasitación', 'Estética canina', 'Fisioterapia'],
    openingHours: 'Lunes a sábado 9:00 a 19:00',
    notes: 'Clínica de barrio, precios bajos; agenda por WhatsApp.',
    ipRanges: ['203.0.113.0/25'],
    factors: { 'Consulta general': '0.85', Vacunación: '1.10', Desparasitación: '0.90', 'Baño y corte': '0.85', Esterilización: '0.80' },
    rise: '0.03',
    source: 'phone_call' as const,
  },
  {
    name: 'VetPlus Providencia (Guadalajara)',
    address: 'Av. Terranova 1020, Providencia, 44630 Guadalajara, Jal.',
    latitude: '20.692000',
    longitude: '-103.387700',
    website: 'https://vetplus.example.mx/providencia',
    phone: '+52 33 3641 7788',
    servicesOffered: ['Consulta general', 'Vacunación', 'Esterilización', 'Limpieza dental', 'Plan de salud anual'],
    openingHours: 'Lunes a domingo 8:00 a 21:00',
    notes: 'Cadena con planes de suscripción; publica precios en línea y cambia promociones cada mes.',
    ipRanges: ['2001:db8:4a00::/40'],
    factors: { 'Consulta general': '0.95', Vacunación: '1.20', Esterilización: '0.90', 'Limpieza dental': '0.90', 'Consulta de dermatología': '1.00' },
    rise: '0.05',
    source: 'mystery_shopper' as const,
  },
];

/** Asked three times over the last six months. */
const ROUNDS = [180, 95, 20];

/** A believable shelf price: our price × factor, risen by `rise` a round, to the nearest 10 pesos. */
const priceOf = (ours: string, factor: string, rise: string, round: number) =>
  money(ours)
    .times(factor)
    .times(money(1).plus(money(rise).times(round)))
    .div(10)
    .toDecimalPlaces(0)
    .times(10)
    .toFixed(2);

export async function seedCompetitors(platform: Platform, today: string, manager: Actor) {
  const s = platform.services['competitive-intel'];
  const ours = await s.competitors.ourServices(manager);
  for (const plan of COMPETITORS) {
    const { factors, rise, source, ...data } = plan;
    const competitor = await s.competitors.addCompetitor(manager, data);
    for (const [round, daysAgo] of ROUNDS.entries()) {
      for (const [name, factor] of Object.entries(factors)) {
        const service = ours.find((x) => x.name === name);
        if (!service) continue;
        await s.competitors.logPricing(manager, competitor.id, {
          serviceTypeId: service.id,
          item: name,
          price: priceOf(service.price, factor, rise, round),
          source: round === 1 ? 'website' : source,
          observedOn: addLocalDays(today, -daysAgo),
        });
      }
    }
  }
  // Someone at the Del Valle hospital reads our shop's prices (recorded as its /24 network, never the address).
  for (const page of ['/store', '/store?categoria=alimento', '/']) await s.visitors.logVisit('198.51.100.23', 'Mozilla/5.0 (Windows NT 10.0)', page);
  await s.visitors.flush();
}
