import type { AccountsPort } from '@petfriendly/accounts';
import { clinicToday, dateTimeFormat, type HttpApp, type ModuleContext, pageNumber, requireStaff } from '@petfriendly/core';
import { Badge, Card, Empty, Layout, Pager, pageContext, sendPage } from '@petfriendly/ui';
import { z } from 'zod';
import type { VetClinicServices } from '../services';
import { PetAvatar, petLine } from './parts';

/** Staff admin: the day at a glance, and finding an owner or a pet. */
export async function adminPages(app: HttpApp, s: VetClinicServices, ctx: ModuleContext, accounts: AccountsPort) {
  const today = () => clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);

  const SearchBar = ({ t, query }: { t: (k: string) => string; query: string }) => (
    <form method="get" action="/admin/search" class="search-bar" role="search">
      <input
        type="search"
        name="q"
        value={query}
        placeholder={t('vet-clinic:admin.searchPlaceholder')}
        aria-label={t('vet-clinic:admin.searchTitle')}
        autofocus
      />
      <button type="submit">🔍</button>
    </form>
  );

  app.get('/admin', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const [overview, notices] = await Promise.all([s.records.clinicOverview(staff), s.dashboard.notices(staff)]);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('vet-clinic:admin.home')} area="admin">
        {/* The sign-in already greets by name (and the top bar shows it): the home names the day instead. */}
        <h1>
          {t('vet-clinic:admin.today', {
            date: dateTimeFormat(page.lang, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${today()}T12:00:00Z`)),
          })}
        </h1>
        {notices.map((n) => (
          <Card title={n.title}>
            <ul class="list">
              {n.items.map((item) => (
                <li>
                  <a href={item.href}>{item.label}</a>
                </li>
              ))}
            </ul>
            <p>
              <a class="btn" href={n.action.href}>
                {n.action.label}
              </a>
            </p>
          </Card>
        ))}
        <SearchBar t={t} query="" />
        <div class="vitals">
          <div class="vital">
            <b>{overview.counts.visitsToday}</b>
            <small>{t('vet-clinic:admin.stats.visitsToday')}</small>
          </div>
          <div class="vital">
            <b>{overview.counts.openVisits}</b>
            <small>{t('vet-clinic:visit.open')}</small>
          </div>
          <div class="vital">
            <b>{overview.counts.activePets}</b>
            <small>{t('vet-clinic:admin.stats.pets')}</small>
          </div>
        </div>
        <Card title={t('vet-clinic:admin.recentPets')}>
          <ul class="list">
            {overview.recent.map((v) => (
              <li>
                <a href={`/admin/pets/${v.petId}#visit-${v.id}`}>
                  <b>{v.petName}</b> · {v.reason}
                </a>
                <span class="meta">
                  {page.fmt.dateTime(v.visitDate)} · {v.veterinarianName} {v.closedAt ? null : <Badge tone="warn">{t('vet-clinic:visit.open')}</Badge>}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </Layout>,
    );
  });

  app.get('/admin/search', { schema: { querystring: z.object({ q: z.string().default(''), page: pageNumber }) } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const { q, page: pageAsked } = req.query;
    const [pets, owners] = await Promise.all([
      s.pets.searchPets(staff, { query: q, page: pageAsked }),
      q ? accounts.users.searchOwners(staff, { query: q, pageSize: 10 }) : Promise.resolve({ items: [], hasNext: false, page: 1 }),
    ]);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('vet-clinic:admin.searchTitle')} area="admin">
        <h1>{t('vet-clinic:admin.searchTitle')}</h1>
        <SearchBar t={t} query={q} />
        {q && pets.items.length === 0 && owners.items.length === 0 ? <Empty>{t('vet-clinic:admin.noResults', { query: q })}</Empty> : null}
        {owners.items.length ? (
          <Card title={t('vet-clinic:admin.owners')}>
            <ul class="list">
              {owners.items.map((o) => (
                <li>
                  <a href={`/admin/owners/${o.id}`}>
                    <b>{o.name}</b>
                  </a>
                  <span class="meta">
                    {o.phone} · {o.email} · <a href={`/admin/customers/${o.id}`}>🤝 {t('vet-clinic:admin.customerPage')}</a>
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card title={t('vet-clinic:admin.pets')}>
          <ul class="list">
            {pets.items.map((pet) => (
              <li>
                <a class="pet-card" href={`/admin/pets/${pet.id}`}>
                  <PetAvatar pet={pet} photoBase="/pets" />
                  <span>
                    <b>{pet.name}</b> {pet.isDeceased ? '✝' : ''}
                    <br />
                    <span class="meta">{petLine(t, pet, today())}</span>
                  </span>
                </a>
                <a class="meta" href={`/admin/owners/${pet.ownerId}`}>
                  👤 {pet.ownerName}
                </a>
              </li>
            ))}
          </ul>
          <Pager ctx={page} page={pets.page} hasNext={pets.hasNext} href={(n) => `/admin/search?q=${encodeURIComponent(q)}&page=${n}`} />
        </Card>
      </Layout>,
    );
  });

  app.get('/admin/owners/:id', { schema: { params: z.object({ id: z.string() }) } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const ownerId = req.params.id;
    const profile = await accounts.users.getProfile(staff, ownerId);
    const pets = await s.pets.getUserPets(staff, ownerId);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={profile.user.name} area="admin">
        <Card icon="user" title={profile.user.name}>
          <p class="meta">
            {profile.user.email}
            {profile.owner?.phone ? ` · ☎ ${profile.owner.phone}` : ''}
            {profile.owner ? ` · ${t(`accounts:channels.${profile.owner.preferredChannel}`)}` : ''}
          </p>
          {profile.owner?.address ? <p>{profile.owner.address}</p> : null}
          <p>
            <a href={`/admin/customers/${ownerId}`}>🤝 {t('vet-clinic:admin.customerPage')}</a>
          </p>
        </Card>
        <Card
          title={t('vet-clinic:admin.ownerPets', { name: profile.user.name })}
          actions={
            <a class="btn btn-small" href={`/admin/owners/${ownerId}/pets/new`}>
              + {t('vet-clinic:admin.addPetFor')}
            </a>
          }
        >
          {pets.length === 0 ? <Empty>{t('vet-clinic:pet.none')}</Empty> : null}
          <ul class="list">
            {pets.map((pet) => (
              <li>
                <a class="pet-card" href={`/admin/pets/${pet.id}`}>
                  <PetAvatar pet={pet} photoBase="/pets" />
                  <span>
                    <b>{pet.name}</b>
                    <br />
                    <span class="meta">{petLine(t, pet, today())}</span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </Card>
      </Layout>,
    );
  });
}
