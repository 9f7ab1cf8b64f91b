import { Badge, Empty, Field, Form, FormErrorSummary, type PageContext } from '@petfriendly/ui';
import type { FastifyRequest } from 'fastify';
import { summaryOf } from './parts';
import { type FormProblem, text } from './product-form';

export function ImagesCard(props: {
  page: PageContext;
  productId: number;
  images: { id: number; url: string | null; altText: string; isPrimary: boolean }[];
  canEdit: boolean;
  maxMb: number;
  problem?: FormProblem & { altText?: string };
}) {
  const { page, productId, images, canEdit, problem } = props;
  const { t } = page;
  const base = `/admin/products/${productId}/images`;
  return (
    <section class="card" id="images">
      <h2>{t('store:products.images')}</h2>
      {images.length === 0 ? <Empty>{t('store:products.noImages')}</Empty> : null}
      {images.length ? (
        <ul class="image-grid">
          {images.map((image) => (
            <li>
              <span class="thumb">{image.url ? <img src={image.url} alt={image.altText} /> : null}</span>
              {image.isPrimary ? <Badge tone="ok">★ {t('store:products.primary')}</Badge> : null}
              {image.altText ? <small class="meta">{image.altText}</small> : null}
              {canEdit ? (
                <div class="image-actions">
                  {image.isPrimary ? null : (
                    <Form ctx={page} action={`${base}/${image.id}/primary`} class="inline">
                      <button type="submit" class="btn-small btn-secondary">
                        {t('store:products.makePrimary')}
                      </button>
                    </Form>
                  )}
                  <Form ctx={page} action={`${base}/${image.id}/delete`} class="inline">
                    <button type="submit" class="btn-small btn-secondary" data-confirm={t('store:products.removeImageConfirm')}>
                      {t('store:products.removeImage')}
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? (
        <form method="post" action={base} enctype="multipart/form-data" class="stack upload-form" data-hx-boost="false">
          <input type="hidden" name="_csrf" value={page.csrfToken} />
          <FormErrorSummary message={summaryOf(problem?.message, problem?.errors, ['image', 'altText'])} />
          <Field name="altText" label={t('store:products.altText')} value={problem?.altText} errors={problem?.errors} />
          <Field
            name="image"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            label={t('store:products.image', { mb: props.maxMb })}
            required
            errors={problem?.errors}
          />
          <button type="submit">⬆ {t('store:products.upload')}</button>
        </form>
      ) : null}
    </section>
  );
}

/** The alt text and the one file of the upload form (read before the handler, see readMultipartForm). */
export function readUpload(req: FastifyRequest, body: { altText?: string }): { bytes: Uint8Array; altText: string } {
  return { bytes: req.uploads.image?.bytes ?? new Uint8Array(), altText: text(body.altText) };
}

/** Staff: the catalogue, phone first. Everyone on staff may look; managers and admins change it (the service checks). */
