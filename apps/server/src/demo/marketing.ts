import type { Actor, Platform } from '@petfriendly/core';

/** A campaign ready to send to the demo's overdue-vaccine segment, and the birthday sequence switched on (through the services). */
export async function seedMarketing(platform: Platform, admin: Actor) {
  const crm = platform.services.crm;
  const marketing = platform.services.marketing;
  const segment = (await crm.segments.listSegments(admin)).find((s) => s.name === 'Vacuna vencida, aceptan publicidad');
  if (!segment) return;
  await marketing.campaigns.createCampaign(admin, {
    name: 'Vacunas de primavera',
    segmentId: segment.id,
    content: {
      es: {
        subject: '{{firstName}}, la vacuna de {{pets}} está pendiente',
        text: 'Hola {{firstName}}, {{vaccine}} venció el {{vaccineDue}}. Esta primavera la aplicamos con 10 % de descuento: agenda en {{link}}',
      },
      en: {
        subject: "{{firstName}}, {{pets}}'s vaccine is due",
        text: 'Hi {{firstName}}, {{vaccine}} was due on {{vaccineDue}}. This spring it is 10 % off: book at {{link}}',
      },
    },
  });
  await marketing.sequences.setActive(admin, 'pet_birthday', { isActive: true });
}
