import { type Actor, defineTool, ToolRegistry, ValidationError } from '@petfriendly/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const owner: Actor = { kind: 'owner', userId: 'o1', language: 'es' };
const vet: Actor = { kind: 'staff', userId: 's1', role: 'veterinarian', language: 'es' };
const admin: Actor = { kind: 'staff', userId: 'a1', role: 'admin', language: 'es' };
const guest: Actor = { kind: 'anonymous', language: 'es' };

function registry() {
  const calls: string[] = [];
  const r = new ToolRegistry();
  const echo = (name: string, permission: 'public' | 'owner' | 'staff' | 'admin') =>
    defineTool({
      name,
      description: name,
      permission,
      input: z.object({ n: z.number().int().min(1) }),
      handler: async ({ n }, actor) => {
        calls.push(`${name}:${actor.kind}`);
        if (n === 99) throw new ValidationError('probe.bad', 'n: no 99s', [{ field: 'n', message: 'no 99s' }]);
        return n * 2;
      },
    });
  r.register(echo('hours', 'public'));
  r.register(echo('my_pets', 'owner'));
  r.register(echo('search_pets', 'staff'));
  r.register(echo('settings', 'admin'));
  return { r, calls };
}

describe('ToolRegistry', () => {
  it.each([
    [guest, ['hours']],
    [owner, ['hours', 'my_pets']],
    [vet, ['hours', 'my_pets', 'search_pets']],
    [admin, ['hours', 'my_pets', 'search_pets', 'settings']],
  ])('offers each caller only the tools they may use (%o)', (actor, names) => {
    expect(
      registry()
        .r.getToolsForUser(actor)
        .map((t) => t.function.name),
    ).toEqual(names);
  });

  it('describes tool input as JSON Schema for the model', () => {
    const [tool] = registry().r.getToolsForUser(guest);
    expect(tool!.function.parameters).toMatchObject({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] });
  });

  it('refuses a staff tool called by an owner and does not run it', async () => {
    const { r, calls } = registry();
    const result = await r.executeTool('search_pets', { n: 1 }, owner);
    expect(result).toEqual({ ok: false, tool: 'search_pets', error: { code: 'tools.not_allowed', message: expect.any(String) } });
    expect(calls).toEqual([]);
  });

  it('validates input and names the field', async () => {
    const { r, calls } = registry();
    const result = await r.executeTool('hours', { n: 'x' }, guest);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.[0]?.field).toBe('n');
    expect(calls).toEqual([]);
  });

  it('runs allowed tools as the caller and returns service errors to the model', async () => {
    const { r, calls } = registry();
    expect(await r.executeTool('my_pets', { n: 4 }, owner)).toEqual({ ok: true, tool: 'my_pets', data: 8 });
    const failed = await r.executeTool('my_pets', { n: 99 }, owner);
    expect(failed).toMatchObject({ ok: false, error: { code: 'probe.bad' } });
    expect(calls).toEqual(['my_pets:owner', 'my_pets:owner']);
  });

  it('reports an unknown tool', async () => {
    expect(await registry().r.executeTool('nope', {}, admin)).toMatchObject({ ok: false, error: { code: 'tools.unknown_tool' } });
  });
});
