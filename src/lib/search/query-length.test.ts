import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capQuery, MAX_QUERY_LENGTH } from './query-length.ts';

test('a query within the cap is kept whole', () => {
  assert.deepEqual(capQuery('专精特新'), { query: '专精特新', cut: false });
  const exact = '字'.repeat(MAX_QUERY_LENGTH);
  assert.deepEqual(capQuery(exact), { query: exact, cut: false });
});

test('a longer query is cut to the cap, never inside a surrogate pair', () => {
  const { query, cut } = capQuery('字'.repeat(10_000));
  assert.ok(cut);
  assert.equal(query.length, MAX_QUERY_LENGTH);
  const astral = '字'.repeat(MAX_QUERY_LENGTH - 1) + '𠀀'; // 𠀀 is two UTF-16 units
  assert.equal(capQuery(astral + '字').query, '字'.repeat(MAX_QUERY_LENGTH - 1));
});
