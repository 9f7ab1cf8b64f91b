import { type HttpApp, requireStaff } from '@petfriendly/core';
import { Badge, Card, Checkbox, Field, Form, FormErrorSummary, flash, formErrors, Layout, nestForm, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { VetClinicServices } from '../services';

const NUMBERS = ['firstDoseWeeks', 'seriesIntervalWeeks', 'seriesUntilWeeks', 'adultInitialDoses', 'firstBoosterMonths', 'boosterIntervalMonths'] as const;

/** The clinic's vaccination protocols, editable by vets, managers and admins. */
export async function protocolPages(app: HttpApp, s: VetClinicServices) {
  const page = async (req: FastifyRequest, reply: FastifyReply, failed?: { code: string; fields: Record<string, string | undefined>; message: string }) => {
    requireStaff(req.actor);
    const protocols = await s.records.protocols();
    const ctx = pageContext(req, reply);
    const { t } = ctx;
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('vet-clinic:protocols.title')} area="admin">
        <h1>{t('vet-clinic:protocols.title')}</h1>
        <p class="meta">{t('vet-clinic:protocols.help')}</p>
        {protocols.map((p) => (
          <Card
            title={`${t(`vet-clinic:species.${p.species}`)} · ${t(`vet-clinic:vaccination.name.${p.code}`, { defaultValue: p.name })}`}
            actions={<Badge tone={p.isActive ? 'ok' : 'muted'}>{t(`vet-clinic:vaccination.category.${p.category}`)}</Badge>}
          >
            <p class="meta">
              {t('vet-clinic:protocols.summary', {
                first: p.firstDoseWeeks,
                interval: p.seriesIntervalWeeks,
                until: p.seriesUntilWeeks,
                booster: p.firstBoosterMonths,
                every: p.boosterIntervalMonths,
              })}
            </p>
            <details class="add" open={failed?.code === p.code}>
              <summary>✎ {t('vet-clinic:pet.edit')}</summary>
              {failed?.code === p.code ? <FormErrorSummary message={failed.message} /> : null}
              <Form ctx={ctx} action={`/admin/protocols/${encodeURIComponent(p.code)}`}>
                <div class="row">
                  {NUMBERS.map((key) => (
                    <Field
                      name={key}
                      type="number"
                      min="0"
                      label={t(`vet-clinic:protocols.${key}`)}
                      value={p[key]}
                      errors={failed?.code === p.code ? failed.fields : {}}
                    />
                  ))}
                </div>
                <input type="hidden" name="isActive" value="false" />
                <Checkbox name="isActive" label={t('vet-clinic:protocols.isActive')} checked={p.isActive} />
                <button type="submit">{t('ui:form.save')}</button>
              </Form>
            </details>
          </Card>
        ))}
      </Layout>,
      failed ? 422 : 200,
    );
  };

  app.get('/admin/protocols', async (req, reply) => page(req, reply));
  app.post('/admin/protocols/:code', { schema: { params: z.object({ code: z.string().max(60) }) } }, async (req, reply) => {
    const { code } = req.params;
    const body = nestForm(req.body) as Record<string, unknown>;
    if (Array.isArray(body.isActive)) body.isActive = body.isActive.includes('true');
    try {
      await s.records.updateProtocol(req.actor, code, body);
      flash(reply, 'success', req.t('vet-clinic:protocols.saved'));
      return redirect(reply, '/admin/protocols');
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return page(req, reply, { code, fields, message });
    }
  });
}
