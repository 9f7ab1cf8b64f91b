import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, type Mailer, type ModuleContext, NotFoundError, requireStaff, type StaffRole } from '@petfriendly/core';
import { and, arrayOverlaps, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { staffNotices } from './omnichannel.tables';

/** What a module tells staff: `key` names the subject (one open notice each), the text is an i18n key and its values. */
export interface StaffNoticeInput {
  key: string;
  roles: readonly StaffRole[];
  messageKey: string;
  params?: Record<string, string | number>;
  link?: string;
}

export interface StaffNotice {
  id: number;
  text: string;
  link: string | null;
  updatedAt: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SHOWN = 50;

/** Notices for staff: raised by modules, read in the inbox, dismissed by whoever dealt with them, mailed daily. */
export function createNoticeService(ctx: ModuleContext, accounts: AccountsPort, mailer: Mailer) {
  const { db, clock } = ctx;
  const baseURL = ctx.server.BASE_URL ?? `http://${ctx.server.HOST}:${ctx.server.PORT}`;

  const render = (language: string, row: typeof staffNotices.$inferSelect): StaffNotice => ({
    id: row.id,
    text: ctx.i18n.t(language)(row.messageKey, row.params),
    link: row.link,
    updatedAt: row.updatedAt,
  });

  /** Raises a notice, or refreshes the open one on the same subject (today's stock level, not a second notice). */
  async function raise(notice: StaffNoticeInput): Promise<void> {
    const values = { roles: [...notice.roles], messageKey: notice.messageKey, params: notice.params ?? {}, link: notice.link ?? null, updatedAt: clock.now() };
    await db
      .insert(staffNotices)
      .values({ key: notice.key, ...values, createdAt: clock.now() })
      .onConflictDoUpdate({ target: staffNotices.key, targetWhere: sql`${staffNotices.dismissedAt} is null`, set: values });
  }

  const forRole = (role: StaffRole) => and(isNull(staffNotices.dismissedAt), arrayOverlaps(staffNotices.roles, [role]));

  /** The open notices for the caller's role, newest first. */
  async function open(actor: Actor): Promise<StaffNotice[]> {
    const staff = requireStaff(actor);
    const rows = await db.select().from(staffNotices).where(forRole(staff.role)).orderBy(desc(staffNotices.updatedAt)).limit(SHOWN);
    return rows.map((row) => render(staff.language, row));
  }

  /** Dealt with: gone for everyone it was for. A notice for other roles is not the caller's to dismiss. */
  async function dismiss(actor: Actor, id: number): Promise<void> {
    const staff = requireStaff(actor);
    const [row] = await db
      .update(staffNotices)
      .set({ dismissedAt: clock.now(), dismissedBy: staff.userId })
      .where(and(eq(staffNotices.id, id), forRole(staff.role)))
      .returning({ id: staffNotices.id });
    if (!row) throw new NotFoundError('omnichannel.notice_not_found', `There is no open notice ${id} for you.`);
  }

  /** Each member of staff gets, in their language, the open notices raised or refreshed in the last day; none if there are none. */
  async function sendDigest(): Promise<number> {
    const rows = await db
      .select()
      .from(staffNotices)
      .where(and(isNull(staffNotices.dismissedAt), gte(staffNotices.updatedAt, new Date(clock.now().getTime() - DAY_MS))))
      .orderBy(desc(staffNotices.updatedAt));
    const roles = [...new Set(rows.flatMap((r) => r.roles))] as StaffRole[];
    if (!roles.length) return 0;
    let sent = 0;
    for (const member of await accounts.directory.staffWithRoles(roles)) {
      const mine = rows.filter((r) => r.roles.includes(member.role));
      if (!mine.length) continue;
      const t = ctx.i18n.t(member.language);
      const lines = mine.map((r) => `• ${render(member.language, r).text}${r.link ? ` — ${baseURL}${r.link}` : ''}`);
      await mailer.send({
        to: member.email,
        subject: t('omnichannel:notices.digestSubject', { clinic: ctx.clinic.NAME, count: mine.length }),
        text: t('omnichannel:notices.digestBody', { name: member.name, notices: lines.join('\n'), link: `${baseURL}/admin/inbox` }),
        language: member.language,
      });
      sent += 1;
    }
    return sent;
  }

  return { raise, open, dismiss, sendDigest };
}

export type NoticeService = ReturnType<typeof createNoticeService>;
