import { formBody, type HttpApp, type Platform } from '@petfriendly/core';
import { flash, redirect } from '@petfriendly/ui';
import { z } from 'zod';
import { DEMO_LOGINS } from '../demo/logins';

/**
 * The demo clinic, asked for on an empty clinic's setup page (`POST /setup/demo`). It lives in the
 * composition root because the demo data spans every module. Nobody else can become the first
 * admin meanwhile: setup's first-run claim is taken while it seeds.
 */
export async function setupDemoRoutes(app: HttpApp, { platform }: { platform: Platform }) {
  const { setup } = platform.services.setup;
  app.post(
    '/setup/demo',
    { schema: { body: formBody({ code: z.string().optional() }) }, config: { rateLimit: { max: 3, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const release = await setup.claimFirstRun(req.body.code, { emptyClinic: true });
      try {
        const { seedDemo } = await import('../demo/seed');
        await seedDemo(platform, { owners: 60, progress: false });
      } catch (error) {
        await release();
        throw error;
      }
      const admin = DEMO_LOGINS[0]!;
      flash(reply, 'success', req.t('setup:demo.loaded', { email: admin.email, password: admin.password }));
      return redirect(reply, '/sign-in?next=/admin');
    },
  );
}
