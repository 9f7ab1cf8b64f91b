import { formBody, type HttpApp, requireAuthenticated } from '@petfriendly/core';
import { Card, Checkbox, Form, flash, Layout, pageContext, redirect, Select, sendPage } from '@petfriendly/ui';
import { z } from 'zod';
import { CHANNEL_KINDS } from '../omnichannel.tables';
import type { OmnichannelServices } from '../services';

const TOGGLES = ['whatsappEnabled', 'smsEnabled', 'emailEnabled', 'remindersEnabled', 'marketingEnabled'] as const;

/** Owners choose their channel and what they want to hear about. */
export async function preferencePages(app: HttpApp, s: OmnichannelServices) {
  app.get('/account/notifications', async (req, reply) => {
    const actor = requireAuthenticated(req.actor);
    const prefs = await s.preferences.getPreferences(actor);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('omnichannel:prefs.title')}>
        <Card title={t('omnichannel:prefs.title')}>
          <Form ctx={page} action="/account/notifications">
            <Select
              name="preferredChannel"
              label={t('omnichannel:prefs.preferredChannel')}
              value={prefs.preferredChannel}
              options={CHANNEL_KINDS.map((c) => ({ value: c, label: t(`omnichannel:channels.${c}`) }))}
            />
            {TOGGLES.map((key) => (
              <Checkbox name={key} label={t(`omnichannel:prefs.${key}`)} checked={prefs[key]} />
            ))}
            <button type="submit">{t('ui:form.save')}</button>
          </Form>
        </Card>
      </Layout>,
    );
  });

  /** The checkboxes send `true` when ticked, nothing when not. */
  const prefsBody = formBody({ preferredChannel: z.string().optional() });
  app.post('/account/notifications', { schema: { body: prefsBody } }, async (req, reply) => {
    const body = req.body;
    await s.preferences.updatePreferences(req.actor, {
      preferredChannel: body.preferredChannel,
      ...Object.fromEntries(TOGGLES.map((k) => [k, body[k] === 'true'])),
    });
    flash(reply, 'success', req.t('omnichannel:prefs.saved'));
    return redirect(reply, '/account/notifications');
  });
}
