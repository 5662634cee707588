import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAll, followingText, normalize, normalizeWithMap, queryTerms, TAIL_LENGTH } from './text.ts';
import { MAX_QUERY_LENGTH } from './query-length.ts';

test('normalize drops whitespace and folds widths and Latin case', () => {
  assert.equal(normalize(' 宁波 市\u3000IPv6\n'), '宁波市ipv6');
  assert.equal(normalize('请予审议，并请'), normalize('请予审议,并请'));
  assert.equal(normalize('（二）完善创新生态'), '(二)完善创新生态');
  assert.equal(normalize('６．７：４９．１％'), '6.7:49.1%');
  assert.equal(normalize('“ＧＤＰ”'), '"gdp"');
  assert.equal(normalize('。、《》'), '。、《》', 'CJK-only punctuation has no narrow form');
});

test('normalizeWithMap gives normalize() and, per unit, its offset in the printed text', () => {
  const { norm, map } = normalizeWithMap('王  程 A');
  assert.equal(norm, '王程a');
  assert.deepEqual(map, [0, 3, 5]);
  for (const text of ['（二） 完善，ＧＤＰ　６．７％', 'ΟΔΟΣ 𠀀字', '“两业融合”1'])
    assert.equal(normalizeWithMap(text).norm, normalize(text), text);
  const printed = '（二） 完善，';
  const { norm: n, map: m } = normalizeWithMap(printed);
  const at = n.indexOf('完善,');
  assert.equal(printed.slice(m[at], m[at + 2] + 1), '完善，');
});

test('query terms split on spaces, ideographic spaces included', () => {
  assert.deepEqual(queryTerms('  专精特新　小巨人 专精特新 '), ['专精特新', '小巨人']);
});

test('findAll finds overlapping hits', () => {
  assert.deepEqual(findAll('啊啊啊', '啊啊'), [0, 1]);
});

test('normalize folds every character as normalizeWithMap does, one by one (the fast path skips none)', () => {
  // normalize() looks only at characters its pattern names; a character folding changes but the
  // pattern missed would be left as is: compare with the character-by-character definition.
  for (let cp = 0; cp <= 0x2ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    assert.equal(normalize(ch), normalizeWithMap(ch).norm, `U+${cp.toString(16)}`);
  }
});

test('a section carries the text that follows it, across short sections, as long as the longest query', () => {
  assert.equal(TAIL_LENGTH, MAX_QUERY_LENGTH - 1);
  const norms = ['甲'.repeat(10), '第一章总则', '第一节' + '乙'.repeat(400), '丙'];
  assert.equal(followingText(norms, 0), ('第一章总则第一节' + '乙'.repeat(400)).slice(0, TAIL_LENGTH));
  assert.equal(followingText(norms, 2), '丙');
  assert.equal(followingText(norms, 3), '');
});
