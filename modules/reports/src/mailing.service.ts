import type { AccountsPort } from '@petfriendly/accounts';
import { actorFromUser, addLocalDays, type ModuleContext } from '@petfriendly/core';
import type { MailerPort } from '@petfriendly/omnichannel';
import type { ExportService } from './export.service';
import type { ReportService } from './report.service';

/** The week before the one `today` is in: Monday to Sunday. */
export function lastWeek(today: string) {
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  const from = addLocalDays(today, -weekday - 7);
  return { from, to: addLocalDays(from, 6) };
}

/** The Monday report: last week's figures mailed to every manager, in their language, as they would see them. */
export function createMailingService(
  ctx: ModuleContext,
  deps: { accounts: AccountsPort; omnichannel: MailerPort },
  reports: ReportService,
  exports: ExportService,
) {
  const baseURL = ctx.server.BASE_URL ?? `http://${ctx.server.HOST}:${ctx.server.PORT}`;

  async function sendWeeklySummary(): Promise<number> {
    const week = lastWeek(reports.today());
    const managers = await deps.accounts.directory.staffWithRoles(['manager']);
    for (const manager of managers) {
      const actor = actorFromUser({ id: manager.id, role: 'manager', name: manager.name, preferredLanguage: manager.language });
      const d = await reports.dashboard(actor, { period: 'custom', ...week });
      const t = ctx.i18n.t(actor.language);
      await deps.omnichannel.mailer.send({
        to: manager.email,
        subject: t('reports:mail.subject', { clinic: ctx.clinic.NAME, ...week }),
        text: t('reports:mail.body', {
          name: manager.name,
          ...week,
          figures: exports.summaryLines(actor, d).join('\n'),
          link: `${baseURL}/admin/dashboard?period=custom&from=${week.from}&to=${week.to}`,
        }),
        language: actor.language,
      });
    }
    return managers.length;
  }

  return { sendWeeklySummary };
}
