import { type Actor, clinicToday, type ModuleContext, NotFoundError, parseInput, requireStaff, ValidationError } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { MANAGERS } from './campaign.service';
import { sequenceTextsSchema } from './marketing.schemas';
import { type CampaignContent, type Language, type SequenceKey, type SequenceStep, sequences } from './marketing.tables';
import type { Outbox, OwnerFacts } from './outbox';
import { contentFor, unreadableField } from './personalise';

type TextsInput = ReturnType<typeof sequenceTextsSchema.parse>;

/** A sequence's texts, edited one language at a time (steps and waits stay the shipped ones), and their preview. */
export function createSequenceTextService(ctx: ModuleContext, outbox: Outbox) {
  const { db } = ctx;

  async function requireSequence(key: SequenceKey) {
    const [row] = await db.select().from(sequences).where(eq(sequences.key, key));
    if (!row) throw new NotFoundError('marketing.sequence_not_found', `No sequence ${key}.`);
    return row;
  }

  /** The steps with this language's texts put in (an empty text takes the language out: the clinic's then speaks for it). */
  function withTexts(steps: SequenceStep[], input: TextsInput): SequenceStep[] {
    if (input.steps.length !== steps.length)
      throw ValidationError.forField('marketing.steps_changed', 'steps', `This sequence has ${steps.length} steps; send the texts of each.`, {
        count: steps.length,
      });
    return steps.map((step, i) => {
      const given = input.steps[i]!;
      const content: Partial<Record<Language, CampaignContent>> = { ...step.content };
      if (given.text) {
        const written = { ...(content[input.language] ?? { html: '', whatsappTemplate: '', whatsappParams: [] }), subject: given.subject, text: given.text };
        const field = unreadableField(written);
        if (field) throw ValidationError.forField('marketing.bad_template', `steps.${i}.${field}`, 'A placeholder is not closed.');
        content[input.language] = written;
      } else delete content[input.language];
      if (Object.keys(content).length === 0)
        throw ValidationError.forField('marketing.step_without_text', `steps.${i}.text`, 'Every step needs its text in at least one language.');
      return { waitDays: given.waitDays, content };
    });
  }

  async function updateTexts(actor: Actor, key: SequenceKey, input: unknown) {
    requireStaff(actor, MANAGERS);
    const data = parseInput(sequenceTextsSchema, input);
    const sequence = await requireSequence(key);
    const steps = withTexts(sequence.steps, data);
    await db.update(sequences).set({ steps, updatedAt: ctx.clock.now() }).where(eq(sequences.id, sequence.id));
    return { key, steps };
  }

  /** An owner made up for the preview, in the reader's language: a pet with a vaccine due, a service declined. */
  function sampleOwner(language: Language): OwnerFacts {
    const t = ctx.i18n.t(language);
    const ownerId = '00000000-0000-4000-8000-000000000000';
    return {
      ownerId,
      name: t('marketing:sample.owner'),
      email: '',
      phone: '',
      preferredLanguage: language,
      preferredChannel: 'email',
      marketingConsent: true,
      marketingConsentAt: null,
      marketingConsentSource: null,
      pets: [
        {
          petId: 1,
          ownerId,
          name: t('marketing:sample.pet'),
          species: 'dog',
          dateOfBirth: null,
          nextVaccineName: t('marketing:sample.vaccine'),
          nextVaccineDue: clinicToday(ctx.clock, ctx.clinic.TIME_ZONE),
        },
      ],
    };
  }

  /** Each step as an owner would read it by email in that language (the texts given, saved or not). */
  async function previewTexts(actor: Actor, key: SequenceKey, input: unknown) {
    requireStaff(actor, MANAGERS);
    const data = parseInput(sequenceTextsSchema, input);
    const steps = withTexts((await requireSequence(key)).steps, data);
    const owner = sampleOwner(data.language);
    const service = ctx.i18n.t(data.language)('marketing:sample.service');
    return {
      language: data.language,
      steps: steps.map((step) => {
        const composed = outbox.compose(owner, step.content, { channel: 'email', language: data.language, campaignId: 0, petId: 1, service })!;
        // The language the text is written in: the clinic's (or the first written) when this one has none.
        const chosen = contentFor(step.content, data.language, ctx.clinic.DEFAULT_LANGUAGE);
        const written = (Object.keys(step.content) as Language[]).find((l) => step.content[l] === chosen) ?? data.language;
        return { waitDays: step.waitDays, language: written, subject: composed.subject, text: composed.text };
      }),
    };
  }

  return { updateTexts, previewTexts };
}

export type SequenceTextService = ReturnType<typeof createSequenceTextService>;
