import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root } from 'mdast';
import { tableLayoutSchema, type TableLayout } from '../manifest/schema.ts';
import { toString } from 'mdast-util-to-string';
import type { RepairLog } from './repair-log.ts';
import { recogniseTables } from './tables.ts';
import { TableError } from './tables/shared.ts';
import { fixture, FIXTURE_LABEL as LABEL } from './test-helpers.ts';
import type { SourceTable } from './tree.ts';

function layout(input: unknown): TableLayout {
  return tableLayoutSchema.parse(input);
}

function run(lines: string[], layouts: unknown[]): { tree: Root; log: RepairLog; table: SourceTable } {
  const { tree, log, context } = fixture(lines.join('\n'), { tables: layouts });
  recogniseTables(tree, context);
  const table = tree.children.find((n) => n.type === 'sourceTable') as SourceTable;
  return { tree, log, table };
}

const texts = (rows: SourceTable['body']) => rows.map((r) => r.map((c) => c.text));

// One cell per line (Word): 4 columns, 2 header rows (分类/序号/名称 span 2 rows, 目标 spans 2 columns).
const wordLayout = {
  caption: '表1',
  columns: 5,
  header: [
    [
      { text: '分类', rowspan: 2 },
      { text: '序号', rowspan: 2 },
      { text: '指标名称', rowspan: 2 },
      { text: '规划目标', colspan: 2 },
    ],
    ['2020年', '年均增长'],
  ],
  mergeDown: [0],
};
const wordTable = [
  '正文一段。',
  ' 表1：示例指标',
  '\t分类',
  '\t序号',
  '\t指标名称',
  '\t规划目标',
  '',
  '\t',
  '\t',
  '\t',
  '\t2020年',
  '\t年均',
  '增长',
  '',
  '\t经济',
  '实力',
  '\t1',
  '\t每万人拥有有效发明',
  '专利授权数',
  '\t<3.6',
  '\t[3750]',
  '',
  '\t',
  '\t2',
  '\t主要污染物排放减少：',
  '化学需氧量',
  '氨氮',
  '\t>1800',
  '\t—',
  '',
  '\t注：*为预计数。',
  '',
  '后文。',
];

test('one cell per line: continuation lines, empty cells, header spans, rowspan and note', () => {
  const { tree, log, table } = run(wordTable, [wordLayout]);
  assert.equal(tree.children.length, 3);
  assert.equal(toString(tree.children[2] as never), '后文。');
  assert.equal(table.caption, '表1：示例指标');
  assert.equal(table.data?.line, 2);
  assert.deepEqual(table.head, [
    [
      { text: '分类', rowspan: 2, rowHeader: true },
      { text: '序号', rowspan: 2 },
      { text: '指标名称', rowspan: 2 },
      { text: '规划目标', colspan: 2 },
    ],
    [{ text: '2020年' }, { text: '年均增长' }],
  ]);
  assert.deepEqual(texts(table.body), [
    ['经济实力', '1', '每万人拥有有效发明专利授权数', '<3.6', '[3750]'],
    ['2', '主要污染物排放减少：\n化学需氧量\n氨氮', '>1800', '—'],
  ]);
  assert.equal(table.body[0][0].rowspan, 2, 'the empty category cell continues the one above');
  assert.equal(table.note, '注：*为预计数。');
  assert.equal(log.count('table-rebuilt'), 1);
});

test('vertical text is joined into one word, also when printed twice with blank lines inside the cell', () => {
  const lines = [
    '表2：竖排',
    '\t序号',
    '\t一级指标',
    '\t二级指标',
    '',
    '\t1',
    '\t高',
    '质',
    '量',
    '\t甲',
    '',
    '\t2',
    '\t开',
    '放',
    '',
    '',
    '',
    '开',
    '放',
    '\t乙',
    '',
    '\t3',
    '\t',
    '\t丙',
    '',
    '',
    '注：说明。',
  ];
  const { table, log } = run(lines, [
    { caption: '表2', columns: 3, header: [['序号', '一级指标', '二级指标']], mergeDown: [1] },
  ]);
  assert.deepEqual(texts(table.body), [
    ['1', '高质量', '甲'],
    ['2', '开放', '乙'],
    ['3', '丙'],
  ]);
  assert.equal(table.body[1][1].rowspan, 2);
  assert.equal(log.count('vertical-text'), 2);
  // The label printed twice in its cell is shown once, and that is recorded with the cell's line.
  assert.deepEqual(log.summaries().find((s) => s.kind === 'repeated-vertical-text')?.details, [
    { line: 13, text: '竖排的“开放”在同一格中印了 2 次，只显示一次' },
  ]);
  assert.equal(table.note, '注：说明。');
});

const rowsLayout = {
  caption: '表 1',
  columns: 4,
  header: [['分类', '序号', '指标', '2020年']],
  mergeDown: [0, 1],
};

test('tab-separated rows: a table split by a page break is merged, the repeated caption and header dropped', () => {
  const lines = [
    '表 1：分页的表',
    '',
    '分类\t序号\t指 标\t2020 年',
    '经济\t1\t总值\t10',
    '\t\t其中：市级\t8',
    '',
    '表1：分页的表',
    '',
    '分类\t序号\t指 标\t2020 年\t',
    '创新\t2\t比重\t3',
    '',
    '注：1. 说明。',
    '下文',
  ];
  const { tree, table, log } = run(lines, [rowsLayout]);
  assert.equal(tree.children.filter((n) => n.type === 'sourceTable').length, 1);
  assert.deepEqual(texts(table.body), [
    ['经济', '1', '总值', '10'],
    ['其中：市级', '8'],
    ['创新', '2', '比重', '3'],
  ]);
  assert.equal(table.body[0][1].rowspan, 2, '序号 spans its 其中 row');
  assert.deepEqual(table.head, [
    [{ text: '分类', rowHeader: true }, { text: '序号' }, { text: '指标' }, { text: '2020年' }],
  ]);
  assert.equal(table.note, '注：1. 说明。');
  assert.equal(log.count('table-rebuilt'), 1, 'one table is rebuilt');
  assert.deepEqual(
    log.summaries().find((s) => s.kind === 'table-page-repeat')?.details,
    [
      {
        line: 7,
        text: '表 1：分页的表：删去第 7–9 行在分页处重复印出的表题和表头，前后两部分合为一表',
      },
    ],
    'the repetition at the page break is recorded with its lines',
  );
  assert.equal(toString(tree.children[1] as never), '下文');
});

test('half-width captions, notes and header text are recognised; the page keeps them as printed', () => {
  const lines = [
    '表1:分页的表',
    '分类\t序号\t指标(单位)\t2020年',
    '经济\t1\t总值(亿元)\t10',
    '表 1 : 分页的表',
    '分类\t序号\t指标（单位）\t2020年',
    '创新\t2\t比重\t3',
    '注:1. 说明。',
  ];
  const header = [['分类', '序号', '指标（单位）', '2020年']];
  const { tree, table } = run(lines, [{ ...rowsLayout, caption: '表1：', header }]);
  assert.equal(tree.children.length, 1, 'both parts and the note make one table');
  assert.equal(table.caption, '表1:分页的表');
  assert.deepEqual(texts(table.body), [
    ['经济', '1', '总值(亿元)', '10'],
    ['创新', '2', '比重', '3'],
  ]);
  assert.equal(table.note, '注:1. 说明。');
});

test('row fixes place shifted cells and merge split cells, recorded as table-row-fix', () => {
  const lines = [
    '表 1：错位',
    '分类\t序号\t指标\t2020 年',
    '经济\t1\t总值\t10',
    '其中：市级\t\t8\t',
    '\t2\t污染物减少\t氨氮\t5',
  ];
  const fixes = [
    { row: '其中：市级', columns: [2, 3], reason: '左移' },
    { row: '2', merge: [2, 3], reason: '拆格' },
  ];
  const { table, log } = run(lines, [{ ...rowsLayout, rowFixes: fixes }]);
  assert.deepEqual(texts(table.body), [
    ['经济', '1', '总值', '10'],
    ['其中：市级', '8'],
    ['2', '污染物减少\n氨氮', '5'],
  ]);
  assert.equal(log.count('table-row-fix'), 2);
});

test('a row with more cells than columns fails until a row fix places them', () => {
  const lines = ['表 1：多格', '分类\t序号\t指标\t2020 年', '\t2\t污染物减少\t氨氮\t5'];
  assert.throws(
    () => run(lines, [rowsLayout]),
    (e: Error) =>
      e instanceof TableError &&
      e.message.includes('field "tables.0.rowFixes"') &&
      e.message.includes('line 3'),
  );
});

test('a row fix that finds no row fails', () => {
  const lines = ['表 1：无', '分类\t序号\t指标\t2020 年', '经济\t1\t总值\t10'];
  const bad = { ...rowsLayout, rowFixes: [{ row: '不存在', columns: [0], reason: 'x' }] };
  assert.throws(() => run(lines, [bad]), /field "tables\.0\.rowFixes\.0\.row"/);
});

test('a header that differs from the source fails, naming file, document and field', () => {
  const lines = ['表 1：表头', '分类\t序号\t指标名\t2020 年', '经济\t1\t总值\t10'];
  assert.throws(
    () => run(lines, [rowsLayout]),
    (e: Error) =>
      e instanceof TableError &&
      e.message.startsWith(LABEL) &&
      e.message.includes('field "tables.0.header"') &&
      e.message.includes('指标名'),
  );
  const word = [...wordTable];
  word[3] = '\t类别';
  assert.throws(() => run(word, [wordLayout]), /field "tables\.0\.header"/);
});

test('a layout whose caption is not in the text fails', () => {
  assert.throws(
    () => run(['正文。'], [rowsLayout]),
    (e: Error) => e.message.startsWith(LABEL) && e.message.includes('field "tables.0.caption"'),
  );
});

test('a table caption with no layout fails', () => {
  const lines = [
    '表 1：有',
    '分类\t序号\t指标\t2020 年',
    '经济\t1\t总值\t10',
    '',
    '表3：没有描述的表',
    'a\tb',
  ];
  assert.throws(
    () => run(lines, [rowsLayout]),
    (e: Error) =>
      e.message.startsWith(LABEL) && e.message.includes('field "tables"') && e.message.includes('表3'),
  );
  assert.throws(() => run(['表 1：无布局', 'a\tb'], []), /field "tables"/);
});

test('the schema rejects columns outside the table and fixes without an action', () => {
  assert.throws(() => layout({ ...rowsLayout, mergeDown: [4] }));
  assert.throws(() => layout({ ...rowsLayout, rowFixes: [{ row: 'x', reason: 'y' }] }));
  assert.throws(() => layout({ ...rowsLayout, rowFixes: [{ row: 'x', columns: [9], reason: 'y' }] }));
});

test('header rows that do not cover the columns fail', () => {
  const lines = ['表 1：窄', '分类\t序号\t指标', '经济\t1\t总值'];
  assert.throws(
    () => run(lines, [{ ...rowsLayout, header: [['分类', '序号', '指标']] }]),
    /field "tables\.0\.header\.0"/,
  );
});

test('one cell per line: a row that does not chunk at a row boundary fails', () => {
  const lines = ['表2：缺格', '\t序号', '\t指标', '\t数值', '', '\t1', '\t甲', '', '\t2', '\t乙', '\t9'];
  assert.throws(
    () => run(lines, [{ caption: '表2', columns: 3, header: [['序号', '指标', '数值']] }]),
    /does not follow a blank line/,
  );
});

test('rowHeader: the cells of that column name their rows, and the head cell over it is marked; default the first column', () => {
  const { table } = run(wordTable, [{ ...wordLayout, rowHeader: 2 }]);
  assert.deepEqual(
    table.body.map((row) => row.filter((c) => c.rowHeader).map((c) => c.text)),
    [['每万人拥有有效发明专利授权数'], ['主要污染物排放减少：\n化学需氧量\n氨氮']],
  );
  assert.deepEqual(
    table.head
      .flat()
      .filter((c) => c.rowHeader)
      .map((c) => c.text),
    ['指标名称'],
  );
  const byDefault = run(wordTable, [wordLayout]).table;
  assert.deepEqual(
    byDefault.body.map((row) => row.filter((c) => c.rowHeader).map((c) => c.text)),
    [['经济实力'], []], // the second row's first column is merged into the cell above
  );
  assert.throws(() => layout({ ...wordLayout, rowHeader: 5 }), /column 5 is outside the table's 5 columns/);
});
