import { Checkbox, Field, type FieldErrors, Form, type PageContext, Select, TextArea } from '@petfriendly/ui';
import type { FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { GENDERS, SPECIES } from '../vet-clinic.tables';

export type PetValues = Record<string, string | boolean | null | undefined>;

/** Add or edit a pet: the same fields for owners and staff. */
export function PetForm({ ctx, action, values, errors, submit }: { ctx: PageContext; action: string; values: PetValues; errors: FieldErrors; submit: string }) {
  const t: TFunction = ctx.t;
  const v = (k: string) => (values[k] == null ? '' : String(values[k]));
  return (
    <Form ctx={ctx} action={action}>
      <Field name="name" label={t('vet-clinic:pet.name')} value={v('name')} errors={errors} required />
      <div class="row">
        <Select
          name="species"
          label={t('vet-clinic:pet.species')}
          value={v('species') || 'dog'}
          errors={errors}
          options={SPECIES.map((s) => ({ value: s, label: t(`vet-clinic:species.${s}`) }))}
        />
        <Select
          name="gender"
          label={t('vet-clinic:pet.gender')}
          value={v('gender') || 'unknown'}
          errors={errors}
          options={GENDERS.map((g) => ({ value: g, label: t(`vet-clinic:gender.${g}`) }))}
        />
      </div>
      <div class="row">
        <Field name="breed" label={t('vet-clinic:pet.breed')} value={v('breed')} errors={errors} />
        <Field name="color" label={t('vet-clinic:pet.color')} value={v('color')} errors={errors} />
      </div>
      <div class="row">
        <Field name="dateOfBirth" type="date" label={t('vet-clinic:pet.dateOfBirth')} value={v('dateOfBirth')} errors={errors} />
        <Field name="weightKg" type="number" step="0.01" min="0" label={t('vet-clinic:pet.weightKg')} value={v('weightKg')} errors={errors} />
      </div>
      <div class="row">
        <Field
          name="microchipNumber"
          label={t('vet-clinic:pet.microchipNumber')}
          value={v('microchipNumber')}
          errors={errors}
          placeholder="985 112 345 678 901"
        />
        <Field name="microchipImplantedOn" type="date" label={t('vet-clinic:pet.microchipImplantedOn')} value={v('microchipImplantedOn')} errors={errors} />
      </div>
      <Checkbox name="isNeutered" label={t('vet-clinic:pet.isNeutered')} checked={values.isNeutered === true || values.isNeutered === 'true'} />
      <TextArea name="notes" label={t('vet-clinic:pet.notes')} value={v('notes')} errors={errors} rows={2} />
      <button type="submit">{submit}</button>
    </Form>
  );
}

export function PhotoForm({ ctx, action }: { ctx: PageContext; action: string }) {
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="row" data-hx-boost="false">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <Field name="photo" type="file" accept="image/jpeg,image/png,image/webp" label={ctx.t('vet-clinic:pet.photo')} />
      <button type="submit" class="btn-small">
        {ctx.t('vet-clinic:pet.uploadPhoto')}
      </button>
    </form>
  );
}

/** The one file of a multipart photo form (read before the handler, see readMultipartForm). */
export function readPhoto(req: FastifyRequest): Uint8Array {
  return req.uploads.photo?.bytes ?? new Uint8Array();
}
