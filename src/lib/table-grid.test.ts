import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeCells, toTsv, type GridCell } from './table-grid.ts';

const c = (cell: string, rowSpan = 1, colSpan = 1): GridCell<string> => ({ cell, rowSpan, colSpan });

test('a cell spanning rows covers the same column of the rows below: they do not shift left', () => {
  const grid = placeCells([
    [c('经济发展', 3), c('1', 2), c('地区生产总值'), c('1207.5')],
    [c('其中：市级'), c('907')],
    [c('2'), c('人均'), c('77000')],
  ]);
  assert.deepEqual(grid, [
    ['经济发展', '1', '地区生产总值', '1207.5'],
    ['经济发展', '1', '其中：市级', '907'],
    ['经济发展', '2', '人均', '77000'],
  ]);
});

test('a two-row header: a cell spanning columns fills each, the row below fills the rest', () => {
  const grid = placeCells([
    [c('分类', 2), c('规划目标', 1, 2), c('完成情况', 1, 2)],
    [c('2020年'), c('年均增长'), c('2020年'), c('年均增长')],
  ]);
  assert.deepEqual(grid, [
    ['分类', '规划目标', '规划目标', '完成情况', '完成情况'],
    ['分类', '2020年', '年均增长', '2020年', '年均增长'],
  ]);
});

test('a span running past the last row is cut there', () => {
  assert.deepEqual(placeCells([[c('a', 5), c('b')], [c('d')]]), [
    ['a', 'b'],
    ['a', 'd'],
  ]);
});

test('TSV: one line per row, fields quoted only when they hold a tab, a line break or a quote', () => {
  assert.equal(
    toTsv([
      ['主要污染物排放减少：\n化学需氧量', '说"明"', 'a\tb'],
      ['x', undefined],
    ]),
    '"主要污染物排放减少：\n化学需氧量"\t"说""明"""\t"a\tb"\nx\t\t',
  );
});
