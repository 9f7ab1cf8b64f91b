import { type Formatters, LANGUAGES } from '@petfriendly/core';
import type { Child } from 'hono/jsx';
import type { TFunction } from 'i18next';
import { assetUrl } from './assets';
import { PageFormat, PageIds } from './components';
import { Icon, StoredIcon } from './icons';

export interface Flash {
  kind: 'success' | 'error' | 'info';
  message: string;
}

export interface NavItem {
  href: string;
  label: string;
  /** An icon's name (`IconName`; a test holds every module's navigation to it). */
  icon?: string;
  /** Also a floating button on every other page of the area (the chat). */
  floating?: boolean;
}

/** What every page knows about the request: who, which language, the CSRF token for forms. */
export interface PageContext {
  t: TFunction;
  lang: string;
  path: string;
  user: { name: string; role: string } | null;
  csrfToken: string;
  flash?: Flash[];
  clinicName: string;
  nav: { site: NavItem[]; admin: NavItem[] };
  /** Dates and times in the reader's language and the clinic's time zone. */
  fmt: Formatters;
}

export function Layout(props: {
  ctx: PageContext;
  title: string;
  /** What search results and link previews say about the page; the clinic's tagline when not given. */
  description?: string;
  area?: 'site' | 'admin';
  nav?: NavItem[];
  children?: Child;
}) {
  const { ctx, title, area = 'site' } = props;
  const { t } = ctx;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={props.description ?? `${ctx.clinicName}: ${t('ui:home.tagline')}`} />
        <meta name="csrf-token" content={ctx.csrfToken} />
        {/* Forms that come back with errors (422) and error pages replace the page, as they do without JavaScript. */}
        <meta name="htmx-config" content='{"responseHandling":[{"code":"204","swap":false},{"code":"...","swap":true}]}' />
        <title>{`${title} · ${ctx.clinicName}`}</title>
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('htmx.min.js')} defer></script>
        <script src={assetUrl('app.js')} defer></script>
      </head>
      <body class={`area-${area}`} data-hx-boost="true">
        <header class="topbar">
          <a class="brand" href={area === 'admin' ? '/admin' : '/'}>
            <span class="brand-mark">
              <Icon name="paw-print" />
            </span>
            <span class="brand-name">{area === 'admin' ? t('ui:admin.title') : ctx.clinicName}</span>
          </a>
          <nav class="topnav" aria-label={t('ui:nav.main')}>
            {(props.nav ?? ctx.nav[area]).map((item) => (
              <a
                href={item.href}
                class={isActive(ctx.path, item.href) ? 'active' : undefined}
                aria-current={isActive(ctx.path, item.href) ? 'page' : undefined}
              >
                {item.icon ? <StoredIcon name={item.icon} /> : null}
                {item.label}
              </a>
            ))}
          </nav>
          <div class="session">
            {ctx.user ? (
              <form method="post" action="/sign-out" class="inline">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <span class="who">{ctx.user.name}</span>
                <button type="submit" class="link">
                  {t('ui:nav.signOut')}
                </button>
              </form>
            ) : (
              <a href="/sign-in">{t('ui:nav.signIn')}</a>
            )}
          </div>
        </header>
        <main id="main" class="container">
          {(ctx.flash ?? []).map((f) => (
            <div class={`flash flash-${f.kind}`} role={f.kind === 'error' ? 'alert' : 'status'}>
              {f.message}
            </div>
          ))}
          <PageFormat.Provider value={ctx.fmt}>
            <PageIds.Provider value={new Set()}>{props.children}</PageIds.Provider>
          </PageFormat.Provider>
          {/* Inside main so that all content sits in a landmark; it floats over the page anyway. */}
          {(props.nav ?? ctx.nav[area])
            .filter((item) => item.floating && !isActive(ctx.path, item.href))
            .slice(0, 1)
            .map((item) => (
              <a class="fab" href={item.href}>
                {item.icon ? <StoredIcon name={item.icon} /> : null} {item.label}
              </a>
            ))}
        </main>
        <footer class="footer">
          <LanguageSwitcher ctx={ctx} />
          <span>{ctx.clinicName}</span>
        </footer>
      </body>
    </html>
  );
}

const LANGUAGE_NAMES: Record<string, string> = { es: 'Español', en: 'English', de: 'Deutsch', fr: 'Français', it: 'Italiano' };

export function LanguageSwitcher({ ctx }: { ctx: PageContext }) {
  return (
    <form method="post" action="/language" class="lang-switch">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="next" value={ctx.path} />
      <label>
        <span class="sr-only">{ctx.t('ui:nav.language')}</span>
        <select name="lang" data-autosubmit>
          {LANGUAGES.map((code) => (
            <option value={code} selected={code === ctx.lang}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit">OK</button>
      </noscript>
    </form>
  );
}

function isActive(path: string, href: string): boolean {
  if (href === '/' || href === '/admin') return path === href;
  return path === href || path.startsWith(`${href}/`);
}
