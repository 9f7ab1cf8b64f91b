import type { Actor, Platform } from '@petfriendly/core';

/**
 * The CRM's profiles come from the demo's events by themselves; what no event creates is added here
 * through the service: owners' marketing consent and a few segments a clinic would keep (dynamic, so the nightly job recounts them).
 */
export async function seedCrm(platform: Platform, admin: Actor) {
  const crm = platform.services.crm;
  await platform.ctx.events.dispatch();
  const segments = [
    {
      name: 'Perros sin visita en un año',
      description: 'Para invitarlos a su revisión anual.',
      rules: {
        match: 'all',
        conditions: [
          { field: 'species', in: ['dog'] },
          { field: 'daysSinceLastVisit', min: 365 },
        ],
      },
    },
    {
      name: 'Vacuna vencida, aceptan publicidad',
      description: 'Recordatorio más allá de los avisos de servicio.',
      rules: {
        match: 'all',
        conditions: [
          { field: 'vaccineOverdue', value: true },
          { field: 'marketingConsent', value: true },
        ],
      },
    },
    {
      name: 'Gatos senior',
      description: 'Gatos de 10 años o más, para el chequeo geriátrico.',
      rules: {
        match: 'all',
        conditions: [
          { field: 'species', in: ['cat'] },
          { field: 'petAgeYears', min: 10 },
        ],
      },
    },
    {
      name: 'Clientes de alto valor en riesgo',
      description: 'VIP o premium con riesgo de abandono medio o alto.',
      rules: {
        match: 'all',
        conditions: [
          { field: 'tier', in: ['vip', 'premium'] },
          { field: 'churnRisk', in: ['medium', 'high'] },
        ],
      },
    },
  ];
  // Three owners in five ticked "acepto recibir promociones" when they signed up.
  for (let page = 1, n = 0; ; page++) {
    const found = await crm.customers.searchCustomers(admin, { page, pageSize: 100 });
    for (const owner of found.items) if (n++ % 5 < 3) await crm.customers.setMarketingConsent(admin, owner.ownerId, { consent: true, source: 'sign_up_form' });
    if (!found.hasNext) break;
  }
  for (const segment of segments) await crm.segments.createSegment(admin, segment);
}
