import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';

/**
 * An iCalendar file read by ical.js (Mozilla's parser): its METHOD and events, each with its start as
 * the clock on the wall in its own zone (resolved through the file's VTIMEZONE) and as an instant.
 */
export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone').map((z) => new ICAL.Timezone(z));
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  try {
    const events = calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      const local = (t: ICAL.Time) => ({ zone: t.zone?.tzid ?? null, wall: t.toString(), instant: t.toJSDate().toISOString() });
      const attendee = event.attendees[0];
      return {
        uid: event.uid,
        sequence: event.sequence,
        status: component.getFirstPropertyValue('status'),
        summary: event.summary,
        start: local(event.startDate),
        end: local(event.endDate),
        // A calendar address is a URI, whose scheme is case-insensitive: `mailto:` either way.
        organizer: String(component.getFirstPropertyValue('organizer') ?? '').replace(/^mailto:/i, 'mailto:'),
        attendee: attendee ? String(attendee.getFirstValue()).replace(/^mailto:/i, 'mailto:') : null,
      };
    });
    return { method: calendar.getFirstPropertyValue('method'), version: calendar.getFirstPropertyValue('version'), zones: zones.map((z) => z.tzid), events };
  } finally {
    for (const zone of zones) ICAL.TimezoneService.remove(zone.tzid);
  }
}

const LIBICAL_CHECK = fileURLToPath(new URL('./libical-check.py', import.meta.url));
/** Debian's python3-gi with libical's introspection data (`gir1.2-ical-3.0`): the system Python, not a virtualenv's. */
const SYSTEM_PYTHON = '/usr/bin/python3';

/** Whether libical can be asked here (CI installs it; see .ci/run). */
export const hasLibical = spawnSync(SYSTEM_PYTHON, ['-c', "import gi; gi.require_version('ICalGLib', '3.0')"], { stdio: 'ignore' }).status === 0;

/** What libical finds wrong with a file: parse errors and the RFC 5546 restrictions of its METHOD; empty when none. */
export function libicalProblems(text: string): string[] {
  const run = spawnSync(SYSTEM_PYTHON, [LIBICAL_CHECK], { input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`libical check failed: ${run.stderr}`);
  return run.stdout.split('\n').filter(Boolean);
}
