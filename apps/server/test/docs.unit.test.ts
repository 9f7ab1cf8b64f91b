import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOCS = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'));

function allTokens(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => {
    const nested = [...('tokens' in t && t.tokens ? t.tokens : []), ...('items' in t ? (t.items as Token[]) : [])];
    if (t.type === 'table') {
      const table = t as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) nested.push(...cell.tokens);
    }
    return [t, ...allTokens(nested)];
  });
}

describe('the documentation as a Markdown parser reads it', () => {
  it.each(DOCS)('%s links only to files inside the repository that exist', (file) => {
    const links = allTokens(lexer(readFileSync(join(ROOT, file), 'utf8')))
      .filter((t): t is Tokens.Link => t.type === 'link')
      .map((t) => t.href)
      .filter((href) => !/^([a-z]+:|#|\/)/i.test(href));
    for (const href of links) {
      const target = resolve(dirname(join(ROOT, file)), href.split('#')[0]!);
      expect(relative(ROOT, target).startsWith('..'), `${file} links out of the repository: ${href}`).toBe(false);
      expect(existsSync(target), `${file} links to a missing file: ${href}`).toBe(true);
    }
  });

  it('renders the README settings as one table, from DATABASE_URL to the assistant', () => {
    const tokens = lexer(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const start = tokens.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).text === 'Settings');
    const end = tokens.findIndex((t, i) => i > start && t.type === 'heading');
    const section = tokens.slice(start + 1, end);
    const tables = section.filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables).toHaveLength(1);
    const variables = tables[0]!.rows.map((row) => row[0]!.text);
    expect(variables[0]).toContain('DATABASE_URL');
    expect(variables.some((v) => v.includes('SIMPLE_STORE__TAX_RATE'))).toBe(true);
    expect(variables.at(-1)).toContain('AI_ASSISTANT__MAX_TOKENS');
    // No row left behind as a paragraph of pipes.
    expect(section.filter((t) => t.type === 'paragraph' && (t as Tokens.Paragraph).text.trim().startsWith('|'))).toEqual([]);
  });
});
