/** The converter gate is in sync with the installed opencc-js, and it is sound on the public queries. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gatePath, gateSource } from '../../scripts/dev/gen-t2s-gate.ts';
import { loadConverters, mayBeTraditional, simplifiedForms } from '../../src/lib/search/simplify.ts';

test('src/lib/search/t2s-gate.ts is generated from the installed opencc-js', () => {
  assert.equal(readFileSync(gatePath, 'utf8'), gateSource(), 'run: npm run gen:t2s-gate');
});

test('a query with no gate character converts to itself', async () => {
  const converters = await loadConverters();
  const { queries } = JSON.parse(readFileSync(new URL('./search-queries.json', import.meta.url), 'utf8')) as {
    queries: { q: string; simplified?: string }[];
  };
  for (const { q, simplified } of queries) {
    const gated = mayBeTraditional(q);
    if (!gated) assert.deepEqual(simplifiedForms(q, converters), [q], q);
    if (simplified) assert.ok(gated, `${q} must load the converter`);
  }
});
