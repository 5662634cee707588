/** GB/T 7714-2015 citations of an electronic resource, and reading the facts back from Highwire tags. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CITATION_META, citedDocument, gbt7714, highwireDate, localDay } from './citation.ts';

const doc = {
  issuer: '宁波市北仑区人民政府',
  title: '政府工作报告',
  documentNumber: '区十届人大一次会议文件（10）',
  date: '2022-02-12',
};

test('主要责任者. 题名: 文号[EB/OL]. (发布日期)[引用日期]. 网址.', () => {
  assert.equal(
    gbt7714(doc, 'https://host.test/docs/x/#s2-1-p3', new Date(2026, 11, 1, 23, 59)),
    '宁波市北仑区人民政府. 政府工作报告: 区十届人大一次会议文件（10）[EB/OL]. (2022-02-12)[2026-12-01]. https://host.test/docs/x/#s2-1-p3.',
  );
});

test('without a document number or date, those parts are left out, not invented', () => {
  assert.equal(
    gbt7714(
      { issuer: '中共宁波市委', title: '报告' },
      'http://127.0.0.1:4321/docs/y/#p1',
      new Date(2026, 0, 5),
    ),
    '中共宁波市委. 报告[EB/OL]. [2026-01-05]. http://127.0.0.1:4321/docs/y/#p1.',
  );
});

test('an issuer the editors supplied is cited in brackets; without an issuer the reference starts with the title', () => {
  const accessed = new Date(2026, 0, 5);
  assert.equal(
    gbt7714(
      { issuer: '宁波市鄞州区人民政府', issuerSupplied: true, title: '纲要' },
      'https://h.test/d/',
      accessed,
    ),
    '[宁波市鄞州区人民政府]. 纲要[EB/OL]. [2026-01-05]. https://h.test/d/.',
  );
  assert.equal(
    gbt7714({ title: '篇章' }, 'https://h.test/d/', accessed),
    '篇章[EB/OL]. [2026-01-05]. https://h.test/d/.',
  );
  assert.deepEqual(
    citedDocument((name) =>
      name === CITATION_META.title ? '纲要' : name === CITATION_META.suppliedIssuer ? '区政府' : undefined,
    ),
    { title: '纲要', issuer: '区政府', issuerSupplied: true, documentNumber: undefined, date: undefined },
  );
});

test('the access date is the reader’s local calendar day', () => {
  assert.equal(localDay(new Date(2026, 1, 3, 0, 0, 1)), '2026-02-03');
});

test('the cited document is read back from the citation_* tags it was written to', () => {
  const tags = new Map<string, string>([
    [CITATION_META.title, doc.title],
    [CITATION_META.issuer, doc.issuer],
    [CITATION_META.documentNumber, doc.documentNumber],
    [CITATION_META.date, highwireDate(doc.date)],
  ]);
  assert.deepEqual(
    citedDocument((name) => tags.get(name)),
    doc,
  );
  assert.equal(
    citedDocument(() => undefined),
    undefined,
  );
});
