import type { ModuleContext } from '@petfriendly/core';
import { renderOwnerData } from './owner-data.pdf';
import { createPrivacyService, type PrivacyNeeds } from './privacy.service';

export function createPrivacyServices(ctx: ModuleContext, deps: PrivacyNeeds) {
  const privacy = createPrivacyService(ctx, deps);
  /** The owner's data as a PDF in their language. */
  async function pdf(actor: Parameters<typeof privacy.myData>[0]) {
    const data = await privacy.myData(actor);
    return renderOwnerData(data, { clinicName: ctx.clinic.NAME, t: ctx.i18n.t(actor.language) });
  }
  return { privacy, pdf };
}

export type PrivacyServices = ReturnType<typeof createPrivacyServices>;
