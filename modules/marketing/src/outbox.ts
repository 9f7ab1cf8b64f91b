import { listFormat, type ModuleContext, systemActor } from '@petfriendly/core';
import type { CrmPort } from '@petfriendly/crm';
import type { MarketingMessagingPort } from '@petfriendly/omnichannel';
import { trackLinks } from './click-links';
import { signClick } from './click-token';
import type { CampaignContent, Channel, Language } from './marketing.tables';
import { marketingHtml } from './marketing-email';
import { contentFor, type Personalisation, render } from './personalise';
import { signUnsubscribe } from './unsubscribe-token';

export type OwnerFacts = Awaited<ReturnType<CrmPort['customers']['marketingFacts']>>[number];
export type Plan = Awaited<ReturnType<MarketingMessagingPort['messages']['planMessage']>>;

/** Where the owner is reached on a channel: their email (lower case) or phone in E.164; null when they have none. */
export function addressOf(owner: Pick<OwnerFacts, 'email' | 'phone'>, channel: Channel, toE164: (phone: string) => string): string | null {
  if (channel === 'email') return owner.email ? owner.email.trim().toLowerCase() : null;
  return owner.phone ? toE164(owner.phone) : null;
}

/** Writes one owner's marketing message (rendered in their language, with the way out) and plans it with omnichannel. */
export function createOutbox(ctx: ModuleContext, messaging: MarketingMessagingPort) {
  const secret = () => ctx.server.SECRET ?? '';
  const base = () => (ctx.server.BASE_URL ?? `http://${ctx.server.HOST}:${ctx.server.PORT}`).replace(/\/$/, '');

  function personalisation(owner: OwnerFacts, language: string, petId: number | null, unsubscribe: string, service: string): Personalisation {
    const pets = petId ? owner.pets.filter((p) => p.petId === petId) : owner.pets;
    const names = pets.map((p) => p.name);
    const due = [...pets].filter((p) => p.nextVaccineDue).sort((a, b) => (a.nextVaccineDue! < b.nextVaccineDue! ? -1 : 1))[0];
    const t = ctx.i18n.t(language);
    return {
      owner: owner.name,
      firstName: owner.name.split(/\s+/)[0] ?? owner.name,
      pets: listFormat(language, { type: 'conjunction' }).format(names),
      pet: names[0] ?? t('marketing:personal.yourPet'),
      vaccine: due ? `${due.nextVaccineName ?? ''} (${due.name})`.trim() : '',
      vaccineDue: due?.nextVaccineDue ?? '',
      link: `${base()}/book`,
      clinic: ctx.clinic.NAME,
      unsubscribe,
      service,
    };
  }

  /** The message as the owner would get it, without sending (preview, test send). */
  function compose(
    owner: OwnerFacts,
    content: Partial<Record<Language, CampaignContent>>,
    options: { channel: Channel; language?: string; campaignId: number; petId?: number | null; tokenOwnerId?: string; recipientId?: number; service?: string },
  ) {
    const language = options.language ?? owner.preferredLanguage;
    const chosen = contentFor(content, language, ctx.clinic.DEFAULT_LANGUAGE);
    if (!chosen) return null;
    const token = signUnsubscribe(secret(), {
      ownerId: options.tokenOwnerId ?? owner.ownerId,
      channel: options.channel,
      campaignId: options.campaignId,
    });
    const page = `${base()}/unsubscribe/${token}`;
    const rendered = render(chosen, personalisation(owner, language, options.petId ?? null, page, options.service ?? ''));
    const t = ctx.i18n.t(language);
    const recipientId = options.recipientId;
    // A campaign's mail to a recipient: its links go through the signed redirect that counts clicks.
    const body =
      recipientId && rendered.html
        ? trackLinks(rendered.html, (url) => `${base()}/m/c/${signClick(secret(), recipientId, url)}?u=${encodeURIComponent(url)}`)
        : rendered.html;
    const footer = options.channel === 'email' ? t('marketing:footer.email', { url: page }) : t('marketing:footer.phone');
    const html =
      options.channel === 'email'
        ? marketingHtml({
            subject: rendered.subject,
            lang: language,
            html: body,
            text: rendered.text,
            clinic: ctx.clinic,
            unsubscribeUrl: page,
            unsubscribeLabel: t('marketing:footer.link'),
          })
        : '';
    return {
      language,
      subject: rendered.subject,
      text: `${rendered.text.trim()}\n\n${footer}`,
      html,
      whatsappTemplate: rendered.whatsappTemplate,
      whatsappParams: rendered.whatsappParams,
      /** RFC 8058: mail clients post here to unsubscribe in one click (no cookie, no form). */
      headers:
        options.channel === 'email'
          ? { 'List-Unsubscribe': `<${base()}/webhooks/unsubscribe/${token}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
          : undefined,
    };
  }

  /** Plans the message with omnichannel (reads only); the caller queues it in the transaction that marks it sent. */
  async function plan(userId: string, composed: NonNullable<ReturnType<typeof compose>>, channel: Channel): Promise<Plan> {
    return messaging.messages.planMessage(systemActor, {
      userId,
      channel,
      subject: composed.subject || undefined,
      message: composed.text,
      delivery: {
        noEscalation: true,
        ...(channel === 'email' ? { html: composed.html, headers: composed.headers } : {}),
        ...(channel === 'whatsapp' && composed.whatsappTemplate
          ? { whatsappTemplate: { name: composed.whatsappTemplate, language: composed.language, parameters: composed.whatsappParams } }
          : {}),
      },
    });
  }

  return { compose, plan, queue: messaging.messages.queueMessage };
}

export type Outbox = ReturnType<typeof createOutbox>;
