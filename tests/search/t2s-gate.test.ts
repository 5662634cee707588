/** The converter gate is in sync with the installed opencc-js, and it is sound on the public queries. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Converter } from 'opencc-js/t2cn';
import { gatePath, gateSource } from '../../scripts/gen-t2s-gate.ts';
import { T2S_FIRST } from '../../src/lib/search/t2s-gate.ts';

test('src/lib/search/t2s-gate.ts is generated from the installed opencc-js', () => {
  assert.equal(readFileSync(gatePath, 'utf8'), gateSource(), 'run: node scripts/gen-t2s-gate.ts');
});

test('a query with no gate character converts to itself', () => {
  const t2s = Converter({ from: 't', to: 'cn' });
  const { queries } = JSON.parse(readFileSync(new URL('./search-queries.json', import.meta.url), 'utf8')) as { queries: { q: string; simplified?: string }[] };
  for (const { q, simplified } of queries) {
    const gated = Array.from(q).some((c) => T2S_FIRST.has(c));
    if (!gated) assert.equal(t2s(q), q, q);
    if (simplified) assert.ok(gated, `${q} must load the converter`);
  }
});
