import { raw } from 'hono/html';
import alarmClock from 'lucide/dist/esm/icons/alarm-clock.mjs';
import ambulance from 'lucide/dist/esm/icons/ambulance.mjs';
import armchair from 'lucide/dist/esm/icons/armchair.mjs';
import banknote from 'lucide/dist/esm/icons/banknote.mjs';
import bath from 'lucide/dist/esm/icons/bath.mjs';
import bell from 'lucide/dist/esm/icons/bell.mjs';
import book from 'lucide/dist/esm/icons/book.mjs';
import bookOpen from 'lucide/dist/esm/icons/book-open.mjs';
import bot from 'lucide/dist/esm/icons/bot.mjs';
import calculator from 'lucide/dist/esm/icons/calculator.mjs';
import calendar from 'lucide/dist/esm/icons/calendar.mjs';
import calendarDays from 'lucide/dist/esm/icons/calendar-days.mjs';
import chartColumn from 'lucide/dist/esm/icons/chart-column.mjs';
import check from 'lucide/dist/esm/icons/check.mjs';
import circleQuestionMark from 'lucide/dist/esm/icons/circle-question-mark.mjs';
import clipboardList from 'lucide/dist/esm/icons/clipboard-list.mjs';
import creditCard from 'lucide/dist/esm/icons/credit-card.mjs';
import footprints from 'lucide/dist/esm/icons/footprints.mjs';
import gem from 'lucide/dist/esm/icons/gem.mjs';
import globe from 'lucide/dist/esm/icons/globe.mjs';
import handshake from 'lucide/dist/esm/icons/handshake.mjs';
import hospital from 'lucide/dist/esm/icons/hospital.mjs';
import house from 'lucide/dist/esm/icons/house.mjs';
import inbox from 'lucide/dist/esm/icons/inbox.mjs';
import layoutDashboard from 'lucide/dist/esm/icons/layout-dashboard.mjs';
import mail from 'lucide/dist/esm/icons/mail.mjs';
import mapPin from 'lucide/dist/esm/icons/map-pin.mjs';
import medal from 'lucide/dist/esm/icons/medal.mjs';
import megaphone from 'lucide/dist/esm/icons/megaphone.mjs';
import messageCircle from 'lucide/dist/esm/icons/message-circle.mjs';
import messageSquare from 'lucide/dist/esm/icons/message-square.mjs';
import microscope from 'lucide/dist/esm/icons/microscope.mjs';
import notebookPen from 'lucide/dist/esm/icons/notebook-pen.mjs';
import packageIcon from 'lucide/dist/esm/icons/package.mjs';
import pawPrint from 'lucide/dist/esm/icons/paw-print.mjs';
import phone from 'lucide/dist/esm/icons/phone.mjs';
import pill from 'lucide/dist/esm/icons/pill.mjs';
import pin from 'lucide/dist/esm/icons/pin.mjs';
import plane from 'lucide/dist/esm/icons/plane.mjs';
import plus from 'lucide/dist/esm/icons/plus.mjs';
import receipt from 'lucide/dist/esm/icons/receipt.mjs';
import scissors from 'lucide/dist/esm/icons/scissors.mjs';
import search from 'lucide/dist/esm/icons/search.mjs';
import shoppingBag from 'lucide/dist/esm/icons/shopping-bag.mjs';
import signature from 'lucide/dist/esm/icons/signature.mjs';
import sparkles from 'lucide/dist/esm/icons/sparkles.mjs';
import star from 'lucide/dist/esm/icons/star.mjs';
import stethoscope from 'lucide/dist/esm/icons/stethoscope.mjs';
import syringe from 'lucide/dist/esm/icons/syringe.mjs';
import tag from 'lucide/dist/esm/icons/tag.mjs';
import target from 'lucide/dist/esm/icons/target.mjs';
import telescope from 'lucide/dist/esm/icons/telescope.mjs';
import ticket from 'lucide/dist/esm/icons/ticket.mjs';
import triangleAlert from 'lucide/dist/esm/icons/triangle-alert.mjs';
import trophy from 'lucide/dist/esm/icons/trophy.mjs';
import user from 'lucide/dist/esm/icons/user.mjs';
import users from 'lucide/dist/esm/icons/users.mjs';
import wallet from 'lucide/dist/esm/icons/wallet.mjs';

/**
 * The icons pages use, from Lucide (ISC), one module each so only these are loaded. Drawn as inline SVG in
 * the text's colour: unlike emoji they look the same on every device, fonts or not.
 */
const ICONS = {
  trophy,
  'message-square': messageSquare,
  footprints: footprints,
  pill: pill,
  signature: signature,
  plane: plane,
  check: check,
  'triangle-alert': triangleAlert,
  'alarm-clock': alarmClock,
  ambulance: ambulance,
  armchair: armchair,
  banknote: banknote,
  bath: bath,
  bell: bell,
  book: book,
  'book-open': bookOpen,
  bot: bot,
  calculator: calculator,
  calendar: calendar,
  'calendar-days': calendarDays,
  'chart-column': chartColumn,
  'circle-question-mark': circleQuestionMark,
  'clipboard-list': clipboardList,
  'credit-card': creditCard,
  gem: gem,
  globe: globe,
  handshake: handshake,
  hospital: hospital,
  house: house,
  inbox: inbox,
  'layout-dashboard': layoutDashboard,
  mail: mail,
  'map-pin': mapPin,
  medal: medal,
  megaphone: megaphone,
  'message-circle': messageCircle,
  microscope: microscope,
  'notebook-pen': notebookPen,
  package: packageIcon,
  'paw-print': pawPrint,
  phone: phone,
  pin: pin,
  plus: plus,
  receipt: receipt,
  scissors: scissors,
  search: search,
  'shopping-bag': shoppingBag,
  sparkles: sparkles,
  star: star,
  stethoscope: stethoscope,
  syringe: syringe,
  tag: tag,
  target: target,
  telescope: telescope,
  ticket: ticket,
  user: user,
  users: users,
  wallet: wallet,
} as const;

export type IconName = keyof typeof ICONS;
export const ICON_NAMES = Object.keys(ICONS) as IconName[];
export const isIconName = (name: string): name is IconName => name in ICONS;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const drawn = new Map<IconName, string>();

/** The icon's SVG markup, built once. Decorative: the text beside it says what it means. */
function svgOf(name: IconName): string {
  let svg = drawn.get(name);
  if (!svg) {
    const shapes = ICONS[name]
      .map(
        ([tag, attrs]) =>
          `<${tag} ${Object.entries(attrs)
            .map(([k, v]) => `${k}="${escapeAttribute(String(v))}"`)
            .join(' ')}/>`,
      )
      .join('');
    svg = `<svg class="icon" xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${shapes}</svg>`;
    drawn.set(name, svg);
  }
  return svg;
}

export function Icon(props: { name: IconName }) {
  return raw(svgOf(props.name));
}

/** An icon named by data (a nav entry, a stored tier); nothing for a name outside the set. */
export function StoredIcon(props: { name: string }) {
  return isIconName(props.name) ? Icon({ name: props.name }) : null;
}
