import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHINESE_NUMERAL, countedNumeral, numeralValue } from './numerals.ts';

test('counted numerals: 一 … 九十九, and hundreds with 零 before a last digit', () => {
  const cases: Array<[string, number]> = [
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
    ['一百', 100],
    ['一百零一', 101],
    ['一百一十', 110],
    ['两百', 200],
  ];
  for (const [text, value] of cases) assert.equal(numeralValue(text), value, text);
});

test('numerals written digit by digit, and ASCII digits', () => {
  assert.equal(numeralValue('二〇三五'), 2035);
  assert.equal(numeralValue('二零二五'), 2025);
  assert.equal(numeralValue('12'), 12);
});

test('malformed numerals have no value', () => {
  for (const text of ['', '十十', '百', '一百零', '二十百', '三a'])
    assert.equal(numeralValue(text), undefined, text);
});

test('the numeral class matches every character a numbering may use', () => {
  const whole = new RegExp(`^${CHINESE_NUMERAL}$`, 'u');
  for (const text of ['一百零一', '二〇三五', '两百', '十九']) assert.ok(whole.test(text), text);
  assert.ok(!whole.test('第一'));
});

test('countedNumeral writes what numeralValue reads, from 1 to 999', () => {
  assert.deepEqual([1, 3, 10, 12, 20, 21, 100, 101, 110, 999].map(countedNumeral), [
    '一',
    '三',
    '十',
    '十二',
    '二十',
    '二十一',
    '一百',
    '一百零一',
    '一百一十',
    '九百九十九',
  ]);
  for (let n = 1; n <= 999; n++) assert.equal(numeralValue(countedNumeral(n)), n, String(n));
});
