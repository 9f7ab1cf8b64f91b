import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { type AppointmentsServices, appointmentsModule } from '@petfriendly/appointments';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { type Actor, anonymous } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { storeModule } from '@petfriendly/store';
import { ProductFactory } from '@petfriendly/store/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuidedState } from '../src/chat/chat.types';
import { contactFrom } from '../src/chat/guided/flows/handoff';
import { createGuidedAssistant, type GuidedTurn } from '../src/chat/guided/index';
import { aiAssistantModule } from '../src/index';

// Tuesday 10 March 2026, 10:00 in Mexico City.
const NOW = '2026-03-10T16:00:00Z';
let platform: TestPlatform;
let guided: ReturnType<typeof createGuidedAssistant>;
let appointments: AppointmentsServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let service: { slug: string; name: string };
const guest = anonymous('es');

beforeAll(async () => {
  platform = await createTestPlatform(
    [accountsModule, vetClinicModule, omnichannelModule, multilingualModule, storeModule, appointmentsModule, aiAssistantModule],
    { now: NOW },
  );
  guided = createGuidedAssistant({ tools: platform.ctx.tools, clock: platform.ctx.clock, timeZone: platform.ctx.clinic.TIME_ZONE });
  appointments = platform.services.appointments;
  vet = await StaffFactory(platform, 'veterinarian', { name: 'Dra. Ramírez' });
  service = await ServiceFactory(platform, { staffIds: [vet.user.id] });
});
afterAll(async () => platform?.close());

/** Presses the button whose value starts with `prefix`, carrying the state on, as the chat page would. */
async function press(actor: Actor, turn: GuidedTurn, prefix: string): Promise<GuidedTurn> {
  const button = turn.buttons.find((b) => b.value.startsWith(prefix));
  if (!button) throw new Error(`no button ${prefix} in ${JSON.stringify(turn.buttons)}`);
  return guided.reply(actor, { text: button.label, action: button.value }, turn.state);
}
const say = (actor: Actor, text: string, state: GuidedState | null = null) => guided.reply(actor, { text }, state);
const act = (actor: Actor, action: string, state: GuidedState | null = null) => guided.reply(actor, { text: '', action }, state);

describe('booking', () => {
  it('an owner books through the buttons; the appointment exists at the chosen clinic-local time', async () => {
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor, { name: 'Firulais' });
    const welcome = guided.welcome(owner.actor);
    expect(welcome.buttons.map((b) => b.value)).toEqual(['#book', '#resched', '#vacc', '#products', '#orders', '#clinic', '#faq', '#human']);

    const pets = await press(owner.actor, welcome, '#book');
    expect(pets.buttons[0]).toEqual({ label: 'Firulais', value: `#book:pet:${pet.id}` });
    expect(pets.toolCalls).toEqual([{ id: 'guided_1', name: 'list_user_pets', arguments: {} }]);
    expect(pets.toolResults[0]).toMatchObject({ id: 'guided_1', name: 'list_user_pets', ok: true });

    const services = await press(owner.actor, pets, `#book:pet:${pet.id}`);
    const serviceButton = services.buttons.find((b) => b.value === `#book:svc:${service.slug}`);
    expect(serviceButton?.label).toMatch(new RegExp(`^${service.name} · \\$450\\.00`));

    const dates = await press(owner.actor, services, `#book:svc:${service.slug}`);
    const offered = dates.buttons.filter((b) => b.value.startsWith('#book:date:')).map((b) => b.value.slice('#book:date:'.length));
    // Today still has times after 10:00; Sunday the 15th is closed; at most 6 days.
    expect(offered).toEqual(['2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-16']);
    expect(dates.buttons[2]!.label).toMatch(/jue.*12.*mar/i);

    const times = await press(owner.actor, dates, '#book:date:2026-03-12');
    const slots = times.buttons.filter((b) => b.value.startsWith('#book:time:'));
    expect(slots.length).toBe(8);
    expect(slots[0]!.label).toBe('09:00');
    expect(slots.at(-1)!.label).toBe('18:30');

    const confirm = await press(owner.actor, times, '#book:time:09:00');
    expect(confirm.text).toContain('Firulais');
    expect(confirm.text).toContain('09:00');
    expect(confirm.state).toMatchObject({ flow: 'book', step: 'confirm', data: { petId: pet.id, service: service.slug, date: '2026-03-12', time: '09:00' } });

    const done = await press(owner.actor, confirm, '#book:confirm');
    expect(done.toolCalls.map((c) => c.name)).toEqual(['book_appointment']);
    expect(done.text).toContain('jueves, 12 de marzo de 2026');
    expect(done.links).toEqual([{ label: 'Ver mis citas', href: '/my/appointments' }]);
    expect(done.state).toBeNull();

    const mine = await appointments.appointments.getUserAppointments(owner.actor);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ petId: pet.id, localDate: '2026-03-12', time: '09:00', createdVia: 'ai' });
    expect(mine[0]!.startsAt.toISOString()).toBe('2026-03-12T15:00:00.000Z');
  });

  it('typed text works where a button is expected: a number, a pet name, a time', async () => {
    const owner = await OwnerFactory(platform);
    await PetFactory(platform, owner.actor, { name: 'Michi', species: 'cat' });
    const rex = await PetFactory(platform, owner.actor, { name: 'Rex' });
    const pets = await say(owner.actor, 'quiero agendar una cita');
    expect(pets.state).toMatchObject({ flow: 'book', step: 'pet' });
    const services = await say(owner.actor, 'rex', pets.state);
    expect(services.state).toMatchObject({ step: 'service', data: { petId: rex.id } });
    const dates = await say(owner.actor, String(services.buttons.findIndex((b) => b.value === `#book:svc:${service.slug}`) + 1), services.state);
    expect(dates.state).toMatchObject({ step: 'date', data: { service: service.slug } });
    const times = await press(owner.actor, dates, '#book:date:2026-03-13');
    // 11:30 is free but not among the 8 times offered: typing it still works.
    expect(times.buttons.map((b) => b.label)).not.toContain('11:30');
    const confirm = await say(owner.actor, '11:30', times.state);
    expect(confirm.state).toMatchObject({ step: 'confirm', data: { date: '2026-03-13', time: '11:30' } });
    const puzzled = await say(owner.actor, 'mmm no sé', confirm.state);
    expect(puzzled.text).toMatch(/^Elige una de las opciones/);
    expect(puzzled.state).toEqual(confirm.state);
  });

  it('a guest pressing book is sent to sign in and nothing is booked', async () => {
    const turn = await act(guest, '#book');
    expect(turn.links).toEqual([{ label: 'Iniciar sesión', href: '/sign-in?next=/chat' }]);
    expect(turn.toolCalls).toEqual([]);
    expect(turn.state).toBeNull();
  });

  it("an owner cannot book another owner's pet by forging the button or the state", async () => {
    const owner = await OwnerFactory(platform);
    const other = await OwnerFactory(platform);
    const theirs = await PetFactory(platform, other.actor, { name: 'Ajeno' });
    const forged = await act(owner.actor, `#book:pet:${theirs.id}`);
    expect(forged.toolResults[0]).toMatchObject({ name: 'get_pet_profile', ok: false });
    expect(forged.text).toBe((forged.toolResults[0]!.error as { message: string }).message);
    expect(forged.buttons.map((b) => b.value)).toEqual(['#menu']);
    expect(forged.state).toBeNull();

    const state = { flow: 'book', step: 'confirm', data: { petId: theirs.id, service: service.slug, date: '2026-03-16', time: '10:00' } };
    const refused = await act(owner.actor, '#book:confirm', state);
    expect(refused.toolResults).toMatchObject([{ name: 'book_appointment', ok: false, error: { code: expect.stringMatching(/not_found/) } }]);
    expect(refused.buttons.at(-1)!.value).toBe('#menu');
    expect(await appointments.appointments.getUserAppointments(owner.actor)).toEqual([]);
    expect(await appointments.appointments.getUserAppointments(other.actor)).toEqual([]);
  });

  it('a taken time comes back as the tool’s message with the other times of that day', async () => {
    const a = await OwnerFactory(platform);
    const b = await OwnerFactory(platform);
    const petA = await PetFactory(platform, a.actor);
    const petB = await PetFactory(platform, b.actor);
    await appointments.appointments.bookAppointment(a.actor, { petId: petA.id, date: '2026-03-17', time: '12:00', serviceType: service.slug });
    const state = { flow: 'book', step: 'confirm', data: { petId: petB.id, service: service.slug, date: '2026-03-17', time: '12:00' } };
    const taken = await act(b.actor, '#book:confirm', state);
    expect(taken.toolResults[0]).toMatchObject({ ok: false, error: { code: 'appointments.slot_taken' } });
    expect(taken.text).toContain('no longer free');
    expect(taken.buttons.map((x) => x.value)).toEqual(['#book:date:2026-03-17', '#menu']);
    expect(taken.state).toMatchObject({ flow: 'book', step: 'time' });
  });
});

describe('reschedule', () => {
  it('moves an upcoming appointment to another free time', async () => {
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    const booked = await appointments.appointments.bookAppointment(owner.actor, {
      petId: pet.id,
      date: '2026-03-18',
      time: '10:00',
      serviceType: service.slug,
    });
    const list = await act(owner.actor, '#resched');
    expect(list.buttons[0]).toEqual({ label: expect.stringContaining('10:00'), value: `#resched:appt:${booked.id}` });
    const dates = await press(owner.actor, list, `#resched:appt:${booked.id}`);
    const times = await press(owner.actor, dates, '#resched:date:2026-03-16');
    const confirm = await press(owner.actor, times, '#resched:time:');
    const chosen = confirm.state!.data.time as string;
    const done = await press(owner.actor, confirm, '#resched:confirm');
    expect(done.text).toContain(chosen);
    const [moved] = await appointments.appointments.getUserAppointments(owner.actor);
    expect(moved).toMatchObject({ id: booked.id, localDate: '2026-03-16', time: chosen });
  });

  it('an appointment id that is not the caller’s is not found', async () => {
    const owner = await OwnerFactory(platform);
    const turn = await act(owner.actor, '#resched:appt:999999');
    expect(turn.text).toBe('No encontré esa cita entre tus citas próximas.');
    expect(turn.state).toBeNull();
  });
});

describe('vaccination status', () => {
  it('summarises what is overdue and what was given, with a link to the pet', async () => {
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor, { name: 'Canela' });
    await platform.services['vet-clinic'].records.addVaccination(
      pet.id,
      { protocolCode: 'dog.rabies', vaccineName: 'Rabisin', administeredDate: '2026-03-01' },
      vet.actor,
    );
    const pets = await say(owner.actor, 'vacunas');
    expect(pets.state).toMatchObject({ flow: 'vacc', step: 'pet' });
    const status = await press(owner.actor, pets, `#vacc:pet:${pet.id}`);
    expect(status.toolCalls).toEqual([{ id: 'guided_1', name: 'get_vaccination_status', arguments: { petId: String(pet.id) } }]);
    expect(status.text).toMatch(/^Tiene vacunas pendientes:/);
    expect(status.text).toMatch(/vencida desde el/);
    expect(status.text).toContain('Última aplicada: Rabisin, el 1 mar 2026.');
    expect(status.links).toEqual([{ label: 'Ver su expediente', href: `/my/pets/${pet.id}` }]);
  });
});

describe('FAQ', () => {
  it('a guest asking when the clinic opens is answered from the clinic’s settings, with booking offered', async () => {
    const turn = await say(guest, '¿a qué hora abren?');
    expect(turn.toolCalls[0]).toMatchObject({ name: 'get_clinic_info' });
    expect(turn.text).toContain('de lunes a sábado, de 09:00 a 20:00');
    expect(turn.text).toContain(platform.ctx.clinic.ADDRESS);
    expect(turn.buttons.map((b) => b.value)).toEqual(['#book', '#menu']);
  });

  it('a question the FAQ answers gets its entry with a link to its page', async () => {
    const turn = await say(guest, '¿Atienden urgencias?');
    expect(turn.toolCalls[0]).toMatchObject({ name: 'search_knowledge_base', arguments: { query: '¿Atienden urgencias?', limit: 3 } });
    expect(turn.links).toEqual([{ label: expect.any(String), href: '/help/urgencias' }]);
    expect(turn.buttons.at(-1)!.value).toBe('#menu');
  });

  it("pressing a related entry's button answers with that entry", async () => {
    const turn = await say(guest, 'precio de la consulta');
    const more = turn.buttons.filter((b) => b.value.startsWith('#faq:'));
    expect(turn.links[0]!.href).toBe('/help/servicios-y-precios');
    expect(more.map((b) => b.value)).toEqual(['#faq:primera-visita']);
    const next = await press(guest, turn, more[0]!.value);
    expect(next.links).toEqual([{ label: more[0]!.label, href: `/help/${more[0]!.value.slice('#faq:'.length)}` }]);
  });

  it('offers other entries only when they are about as relevant as the answer', async () => {
    const fleas = await say(guest, 'desparasitante para lombrices, pulgas y garrapatas');
    expect(fleas.links[0]!.href).toBe('/help/desparasitacion');
    expect(fleas.buttons.filter((b) => b.value.startsWith('#faq:'))).toEqual([]);
  });

  it('nothing found: says so and offers a person and the menu', async () => {
    const turn = await say(guest, 'xqzvw plmbr');
    expect(turn.text).toMatch(/No encontré una respuesta/);
    expect(turn.buttons.map((b) => b.value)).toEqual(['#human', '#menu']);
  });

  it('an English caller gets English texts and English entries', async () => {
    const en = anonymous('en');
    expect(guided.welcome(en)).toMatchObject({
      text: expect.stringMatching(/^Hi! I'm the clinic's assistant/),
      buttons: expect.arrayContaining([{ label: 'Book an appointment', value: '#book' }]),
    });
    const turn = await say(en, 'What are your opening hours?');
    expect(turn.text).toContain('is open Monday to Saturday, 09:00 to 20:00');
    expect((await say(en, 'How do I get a CFDI invoice?')).links[0]!.href).toMatch(/^\/help\//);
    expect((await act(en, '#book')).text).toMatch(/please sign in/);
    expect(guided.welcome(anonymous('xx')).text).toMatch(/^¡Hola!/);
  });
});

describe('products, orders and people', () => {
  it('finds products by the words typed after asking', async () => {
    const product = await ProductFactory(platform, { name: 'Croquetas Cachorro Raza Pequeña', price: '350.00' });
    const ask = await say(guest, 'quiero comprar algo');
    expect(ask.state).toMatchObject({ flow: 'products', step: 'query' });
    const found = await say(guest, 'croquetas cachorro', ask.state);
    expect(found.links[0]).toEqual({ label: expect.stringMatching(/^Croquetas Cachorro Raza Pequeña — \$350\.00$/), href: `/store/${product.slug}` });
    expect(found.buttons.map((b) => b.value)).toEqual(['#products', '#menu']);
    expect(found.state).toBeNull();
  });

  it('an owner without orders is told so', async () => {
    const owner = await OwnerFactory(platform);
    const turn = await say(owner.actor, 'mi pedido');
    expect(turn.toolCalls.map((c) => c.name)).toEqual(['get_my_orders']);
    expect(turn.text).toBe('Todavía no tienes pedidos.');
  });

  it('an owner is handed off at once; a guest first leaves a valid contact', async () => {
    const owner = await OwnerFactory(platform);
    expect((await say(owner.actor, 'quiero hablar con una persona')).handoff).toEqual({ reason: expect.any(String) });
    const ask = await act(guest, '#human');
    expect(ask.handoff).toBeUndefined();
    const wrong = await say(guest, '5512', ask.state);
    expect(wrong.handoff).toBeUndefined();
    expect(wrong.state).toMatchObject({ flow: 'human', step: 'contact' });
    const ok = await say(guest, '+52 55 1234 5678', wrong.state);
    expect(ok.handoff).toEqual({ reason: expect.any(String), contact: '+525512345678' });
    expect(ok.state).toBeNull();
    expect(contactFrom(' Ana@Example.MX ')).toBe('ana@example.mx');
    expect(contactFrom('555-123')).toBeNull();
  });

  it('"menu" or a greeting always resets a task', async () => {
    const ask = await act(guest, '#products');
    expect((await say(guest, 'Menú', ask.state)).state).toBeNull();
    expect((await act(guest, '#menu', ask.state)).buttons.map((b) => b.value)).toEqual(['#book', '#products', '#clinic', '#faq', '#human']);
  });
});

describe('staff', () => {
  it("shows today's schedule, finds a patient, and lists low stock", async () => {
    const owner = await OwnerFactory(platform, { name: 'Lucía Pérez' });
    const pet = await PetFactory(platform, owner.actor, { name: 'Pelusa' });
    await appointments.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-10', time: '16:00', serviceType: service.slug });
    await ProductFactory(platform, { name: 'Vacuna de prueba', stock: 1, reorderPoint: 5 });
    const welcome = guided.welcome(vet.actor);
    expect(welcome.buttons.map((b) => b.value)).toEqual(['#staff:today', '#staff:pets', '#staff:stock', '#faq']);

    const today = await press(vet.actor, welcome, '#staff:today');
    expect(today.toolCalls).toEqual([{ id: 'guided_1', name: 'get_daily_schedule', arguments: { date: '2026-03-10' } }]);
    expect(today.text).toContain('16:00 Pelusa');
    expect(today.text).toContain('Lucía Pérez');

    const ask = await press(vet.actor, welcome, '#staff:pets');
    const found = await say(vet.actor, 'pelusa', ask.state);
    expect(found.links).toContainEqual({ label: 'Pelusa — Lucía Pérez', href: `/admin/pets/${pet.id}` });

    const stock = await press(vet.actor, welcome, '#staff:stock');
    expect(stock.text).toContain('Vacuna de prueba');
  });

  it('a staff-only tool refused to an owner is shown, not thrown', async () => {
    const owner = await OwnerFactory(platform);
    const turn = await act(owner.actor, '#staff:today');
    expect(turn.toolResults).toMatchObject([{ name: 'get_daily_schedule', ok: false, error: { code: 'tools.not_allowed' } }]);
    expect(turn.text).toBe('The tool get_daily_schedule is not available to you.');
    expect(turn.buttons.map((b) => b.value)).toEqual(['#menu']);
  });
});
