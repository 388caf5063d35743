/** Every message key the UI asks for exists in _locales/en/messages.json, with its placeholders. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const messages = JSON.parse(readFileSync(join(root, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string; placeholders?: object }>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

describe('_locales/en/messages.json', () => {
  // i18n.ts itself only mentions the syntax.
  const sources = files(join(root, 'src')).filter((f) => /\.(ts|html)$/.test(f) && !f.endsWith('i18n.ts'));
  const used = new Set<string>();
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\('([A-Za-z]+)'/g)) used.add(m[1]!);
    for (const m of text.matchAll(/data-i18n="([A-Za-z]+)"/g)) used.add(m[1]!);
    for (const m of text.matchAll(/(?:kind[A-Z]\w+)/g)) if (m[0] in messages) used.add(m[0]);
  }

  it('has every key the UI uses', () => {
    expect(used.size).toBeGreaterThan(30);
    for (const key of used) expect(messages[key], key).toBeDefined();
  });

  it('declares the placeholders its messages use', () => {
    for (const [key, value] of Object.entries(messages)) {
      for (const m of value.message.matchAll(/\$([A-Z]+)\$/g)) {
        expect(Object.keys(value.placeholders ?? {}), key).toContain(m[1]!.toLowerCase());
      }
    }
  });
});
