import assert from 'node:assert/strict';
import { test } from 'node:test';
import { itemMarker } from './item-markers.ts';

test('numbered items in either width, with their number', () => {
  assert.deepEqual(itemMarker('1.两业融合'), { kind: 'number', text: '1.', number: 1 });
  assert.deepEqual(itemMarker('12．智能家电'), { kind: 'number', text: '12．', number: 12 });
  assert.deepEqual(itemMarker('3、稀土'), { kind: 'number', text: '3、', number: 3 });
  assert.deepEqual(itemMarker('（2）稀土'), { kind: 'parenthesized', text: '（2）', number: 2 });
  assert.deepEqual(itemMarker('(2)稀土'), { kind: 'parenthesized', text: '(2)', number: 2 });
  assert.deepEqual(itemMarker('１０．专利'), { kind: 'number', text: '１０．', number: 10 });
});

test('bullets and dashes', () => {
  assert.deepEqual(itemMarker('· 东部新城。'), { kind: 'bullet', text: '·' });
  assert.deepEqual(itemMarker('•南部新城'), { kind: 'bullet', text: '•' });
  assert.deepEqual(itemMarker('——打造新城。'), { kind: 'dash', text: '——' });
});

test('a decimal or a year at the start of a line is no marker', () => {
  for (const text of ['2.5万元', '6．7%', '2020年', '—单破折号', '一、标题'])
    assert.equal(itemMarker(text), undefined, text);
});
