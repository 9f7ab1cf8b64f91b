import { Badge, Field, type FieldErrors, FormErrorSummary, type PageContext } from '@petfriendly/ui';

/** The consent's text as the owner reads it: one paragraph per blank line. */
export function ConsentText(props: { title: string; body: string; lang: string }) {
  return (
    <article class="consent-text" lang={props.lang}>
      <h2>{props.title}</h2>
      {props.body.split(/\n{2,}/).map((paragraph) => (
        <p>
          {paragraph.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </article>
  );
}

export function StatusBadge(props: { page: PageContext; consent: { status: string; revocation: unknown } }) {
  const { t } = props.page;
  if (props.consent.revocation) return <Badge tone="danger">{t('consent:status.revoked')}</Badge>;
  return props.consent.status === 'signed' ? <Badge tone="ok">{t('consent:status.signed')}</Badge> : <Badge tone="warn">{t('consent:status.pending')}</Badge>;
}

/**
 * The signing form: the typed name and a pad drawn with a mouse, a pen or a finger. The pad's script
 * (`app.js`, canvas[data-signature]) puts the drawing in the hidden field and stops an empty one; the
 * service refuses an empty drawing too. A plain post (no htmx) so the drawing goes with it.
 */
export function SignForm(props: { page: PageContext; action: string; name?: string; errors?: FieldErrors; message?: string }) {
  const { page } = props;
  const { t } = page;
  const error = props.errors?.signature;
  return (
    <form method="post" action={props.action} class="stack" data-hx-boost="false">
      <input type="hidden" name="_csrf" value={page.csrfToken} />
      <FormErrorSummary message={props.message} />
      <Field name="signerName" label={t('consent:sign.name')} value={props.name ?? ''} errors={props.errors} autocomplete="name" required />
      <div class={`field signature-pad${error ? ' has-error' : ''}`}>
        <p id="signature-label" class="label">
          {t('consent:sign.pad')}
        </p>
        <canvas data-signature="signature" width="900" height="300" role="img" aria-labelledby="signature-label"></canvas>
        <input type="hidden" name="signature" value="" />
        <small class="error" data-signature-empty hidden={!error}>
          {error ?? t('consent:sign.empty')}
        </small>
        <button type="button" class="btn btn-secondary btn-small" data-signature-clear>
          {t('consent:sign.clear')}
        </button>
      </div>
      <noscript>
        <p class="meta">{t('consent:sign.noScript')}</p>
      </noscript>
      <button type="submit" class="btn-block">
        {t('consent:sign.submit')}
      </button>
    </form>
  );
}
