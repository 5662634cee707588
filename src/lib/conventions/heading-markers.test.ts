import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headingMarker, headingMarkersInside, renumbered } from './heading-markers.ts';

test('章 > 节 > 一、 > （一）, with the marker as printed and its number', () => {
  assert.deepEqual(headingMarker('第十二章 建设美丽慈溪'), { kind: 'chapter', text: '第十二章', number: 12 });
  assert.deepEqual(headingMarker('第3节 指导思想'), { kind: 'section', text: '第3节', number: 3 });
  assert.deepEqual(headingMarker('第1条   编制目的'), { kind: 'article', text: '第1条', number: 1 });
  assert.deepEqual(headingMarker('第十二条 本办法自发布之日起施行。')?.kind, 'article');
  assert.deepEqual(headingMarker('二十一、聚焦改革'), { kind: 'numbered', text: '二十一、', number: 21 });
  assert.deepEqual(headingMarker('（一百零一）附则'), {
    kind: 'subNumbered',
    text: '（一百零一）',
    number: 101,
  });
});

test('half-width and full-width forms are the same marker; the printed form is kept', () => {
  assert.deepEqual(headingMarker('(二)完善创新生态'), { kind: 'subNumbered', text: '(二)', number: 2 });
  assert.deepEqual(headingMarker('（二)完善创新生态')?.kind, 'subNumbered');
  assert.deepEqual(headingMarker('第１章 总则'), { kind: 'chapter', text: '第１章', number: 1 });
});

test('節 before the traditional characters are converted is a section', () =>
  assert.equal(headingMarker('第四節 高質量建設')?.kind, 'section'));

test('text that only looks like numbering is no marker', () => {
  for (const text of ['第一批项目', '一是加快发展', '（1）项目', '1.两业融合', '二〇三五年远景', '一，二'])
    assert.equal(headingMarker(text), undefined, text);
});

test('heading markers run into a text after a sentence end or a space', () => {
  const line = '我们主要抓了八方面工作。 (一)提信心稳增长,经济运行持续回升向好 实施72条。(二)强化科技创新';
  assert.deepEqual(
    headingMarkersInside(line).map((at) => line.slice(at, at + 3)),
    ['(一)', '(二)'],
  );
  assert.deepEqual(headingMarkersInside('（一）开头的标题。'), [], 'a marker at the start is not inside');
  assert.deepEqual(headingMarkersInside('一是加快发展，二、是'), [], 'only after a sentence end or space');
  assert.deepEqual(headingMarkersInside('如下。第二章 发展'), [3]);
});

test('renumbered writes the marker with another number as it is printed', () => {
  const marker = (text: string) => headingMarker(text)!;
  assert.equal(renumbered(marker('二、以改革促开放'), 3), '三、');
  assert.equal(renumbered(marker('（九）聚力依法治市'), 10), '（十）');
  assert.equal(renumbered(marker('第3节 指导思想'), 4), '第4节');
  assert.equal(renumbered(marker('第十二章 建设'), 13), '第十三章');
});
