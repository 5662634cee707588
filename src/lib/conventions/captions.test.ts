import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caption, isNoteLine } from './captions.ts';

test('专栏, 表 and 图 captions, with or without a colon in either width', () => {
  assert.deepEqual(caption('专栏1：“四城”发展定位'), { kind: 'box', number: 1, colon: true, length: 4 });
  assert.deepEqual(caption('专栏 2:产业链'), { kind: 'box', number: 2, colon: true, length: 5 });
  assert.deepEqual(caption('表 12 ：主要指标'), { kind: 'table', number: 12, colon: true, length: 6 });
  assert.deepEqual(caption('图1 一核四城六空间'), { kind: 'figure', number: 1, colon: false, length: 3 });
  assert.deepEqual(caption('表１:指标')?.number, 1);
});

test('the length is where the caption text starts', () => {
  const text = '表 12 ：主要指标';
  assert.equal(text.slice(caption(text)!.length), '主要指标');
});

test('words that start like a label are no caption', () => {
  for (const text of ['表示同意。', '图书馆建设', '专栏目录', '表格'])
    assert.equal(caption(text), undefined, text);
});

test('a note line starts with 注 and a colon of either width', () => {
  assert.ok(isNoteLine('注：带*为约束性指标。'));
  assert.ok(isNoteLine('注 :带*为约束性指标。'));
  assert.ok(!isNoteLine('注重实效。'));
});
