/**
 * The converter gate is in sync with the installed opencc-js, opens for every dictionary key that
 * converts (so any query a converter would change), and is sound on the public queries.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { convertingKeys, gatePath, gateSource } from '../../scripts/dev/gen-t2s-gate.ts';
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

test('every dictionary key that converts opens the gate, a phrase by its first two characters', () => {
  const keys = convertingKeys();
  assert.ok(keys.length > 3000);
  for (const k of keys) assert.ok(mayBeTraditional(k), k);
  // A query holding a converting phrase inside simplified text opens it too.
  for (const k of keys.filter((key) => Array.from(key).length > 1).slice(0, 50))
    assert.ok(mayBeTraditional(`发展${k}建设`), k);
});

test('a simplified query whose characters only begin phrases keeps the converter unloaded', () => {
  for (const q of ['沙漠治理', '进出口额首次突破4000亿元', '规上工业总产值'])
    assert.equal(mayBeTraditional(q), false, q);
});
