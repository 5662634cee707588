/**
 * npm run add on real texts (tests/fixtures/library/sources/), each added in a temporary directory
 * to a library that has content/'s vocabularies and districts but none of its documents (so that
 * whatever content/ holds, the slugs and file names are free): the source is copied byte for byte,
 * the draft reads back as YAML with every guess marked, the vocabularies come from content/, and
 * the one document is built and reported on.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { buildContent } from '../build-content.ts';
import { ContentError, loadContent } from '../manifest/load-content.ts';
import { AddError, addDocument } from './add-document.ts';

const realContent = join(import.meta.dirname, '..', '..', 'content');
const fixtures = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'library', 'sources');

function contentCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'add-')), 'content');
  const documentsAndSources = ['documents', 'sources'].map((d) => join(realContent, d));
  cpSync(realContent, dir, { recursive: true, filter: (path) => !documentsAndSources.includes(path) });
  for (const folder of ['documents', 'sources']) mkdirSync(join(dir, folder));
  return dir;
}

const yamlOf = (file: string) => readFileSync(file, 'utf8');
/** The line of the draft that sets `key` (with its comment). */
const lineOf = (yaml: string, key: string) => yaml.split('\n').find((l) => l.startsWith(`${key}:`));

describe('npm run add', () => {
  test('a government work report: masthead, day, meeting, speaker and body start, each marked as a guess', () => {
    const contentDir = contentCopy();
    const file = join(fixtures, 'ningbo-2026-baogao-1.txt');
    const { manifest, drafted, report } = addDocument({ file, contentDir });
    assert.ok(drafted);
    assert.deepEqual(
      readFileSync(join(contentDir, 'sources', 'ningbo-2026-baogao-1.txt')),
      readFileSync(file),
      'the source is copied byte for byte',
    );
    const yaml = yamlOf(manifest);
    const entry = parseYaml(yaml) as Record<string, unknown>;
    assert.deepEqual(
      {
        slug: entry.slug,
        district: entry.district,
        title: entry.title,
        kind: entry.kind,
        issuer: entry.issuer,
        date: entry.date,
        meeting: entry.meeting,
        speaker: entry.speaker,
        preamble: entry.preamble,
      },
      {
        slug: 'ningbo-2026-zhengfu-gongzuo-baogao',
        district: 'ningbo',
        title: '政府工作报告',
        kind: '政府工作报告',
        issuer: '宁波市人民政府',
        date: '2026-01-21',
        meeting: '宁波市第十六届人民代表大会第六次会议',
        speaker: '宁波市市长 汤飞帆',
        preamble: { until: '各位代表:' },
      },
    );
    for (const key of ['district', 'title', 'kind', 'issuer', 'date', 'meeting', 'speaker', 'preamble'])
      assert.match(lineOf(yaml, key) ?? '', /# 推测：.*请核对$/, `${key} is marked as a guess`);
    assert.match(yaml, /^# provenance: {2}# 必填：/m, 'what the text cannot tell is left to write');
    assert.match(
      yaml,
      /^# sourceGaps: {2}# 可选：原文第15行在句中结束（“…济、服务业增加值双双突破”）.*\n# {3}- kind: ends-mid-text$/m,
      'a text that ends mid-sentence gets the entry that says so, to write if it is cut off',
    );
    assert.ok(report.some((l) => l.includes('原文首部（3 行') && l.includes('宁波市市长 汤飞帆')));
    assert.ok(report.some((l) => /^\s+h2 一、“十四五”发展成就和2025年工作回顾 {2}第11行$/.test(l)));
    assert.ok(report.some((l) => l.includes('正文在句中结束') && l.includes('双双突破')));

    // Until provenance is written, the build names the file and the field; then the library builds.
    assert.throws(
      () => loadContent(contentDir),
      (e: Error) =>
        e instanceof ContentError && e.message.includes(manifest) && e.message.includes('"provenance"'),
    );
    appendFileSync(manifest, 'provenance: 中国宁波网刊登的报告全文的开头部分（网页文字）。\n');
    const sources = buildContent({ contentDir, outDir: join(contentDir, '..', 'generated') });
    assert.ok(sources.some((s) => s.document.slug === 'ningbo-2026-zhengfu-gongzuo-baogao'));
    // Run again on the same text: it is built from the edited manifest.
    const again = addDocument({ file, contentDir });
    assert.equal(again.drafted, false);
    assert.equal(again.manifest, manifest);
  });

  test('a 建议 by a district party committee: issuer, district and kind from its title', () => {
    const contentDir = contentCopy();
    const { manifest } = addDocument({ file: join(fixtures, 'fenghua-shisiwu-jianyi.txt'), contentDir });
    const entry = parseYaml(yamlOf(manifest)) as Record<string, unknown>;
    assert.equal(entry.district, 'fenghua', '宁波市奉化区 is 奉化区, not the city');
    assert.equal(entry.kind, '建议');
    assert.equal(entry.issuer, '中共宁波市奉化区委');
    assert.equal(entry.date, '2021-01-07');
    assert.equal(entry.dateLabel, '通过日期');
    assert.deepEqual(entry.preamble, { until: '中国共产党宁波市奉化区第一届委员会第九次' });
  });

  test('a meeting line broken in two, and a letter-spaced speaker', () => {
    const contentDir = contentCopy();
    const { manifest } = addDocument({ file: join(fixtures, 'xiangshan-2022-baogao.txt'), contentDir });
    const entry = parseYaml(yamlOf(manifest)) as Record<string, unknown>;
    assert.equal(entry.meeting, '象山第十九届人民代表大会第一次会议');
    assert.equal(entry.speaker, '代县长 李晓东');
    assert.equal(entry.issuer, '象山县人民政府');
    assert.equal(entry.district, 'xiangshan');
  });

  test('kinds and districts come from content/, so a new kind or 功能区 is guessed once it is listed there', () => {
    const file = join(fixtures, 'qianwan-kongjian-guihua.txt');
    const before = contentCopy();
    const unlisted = parseYaml(yamlOf(addDocument({ file, contentDir: before }).manifest)) as Record<
      string,
      unknown
    >;
    if (!loadContent(before, { unfinished: [] }).kinds.some((k) => k.name === '空间规划'))
      assert.equal(unlisted.kind, undefined, 'a kind that is not listed is left to write');

    // What a maintainer adds for this text (unless content/ lists it already).
    const contentDir = contentCopy();
    const { kinds, districts } = loadContent(contentDir, { unfinished: [] });
    if (!kinds.some((k) => k.name === '空间规划'))
      appendFileSync(
        join(contentDir, 'vocabularies', 'kinds.yaml'),
        '- name: 空间规划\n  description: 国土空间规划。\n',
      );
    if (!districts.some((d) => d.name === '前湾新区'))
      appendFileSync(
        join(contentDir, 'districts.yaml'),
        `- { slug: qianwan, name: 前湾新区, level: 功能区, order: ${Math.max(...districts.map((d) => d.order)) + 1} }\n`,
      );
    const { manifest, report } = addDocument({ file, contentDir });
    const entry = parseYaml(yamlOf(manifest)) as Record<string, unknown>;
    assert.equal(entry.kind, '空间规划');
    const zone = loadContent(contentDir, { unfinished: [] }).districts.find((d) => d.slug === entry.district);
    assert.deepEqual([zone?.name, zone?.level], ['前湾新区', '功能区']);
    assert.equal(entry.date, '2020-11-24');
    assert.ok(
      report.some((l) => /^\s+h3 第1条 {3}编制目的/.test(l)),
      '第1条 is a heading under 第一章',
    );
  });

  test('--district names the district of a text that names none; other unfinished drafts do not stop it', () => {
    const contentDir = contentCopy();
    addDocument({ file: join(fixtures, 'ninghai-shisiwu-guihua.txt'), contentDir });
    const { manifest, report } = addDocument({
      file: join(fixtures, 'ningbo-2024-baogao-2.txt'),
      contentDir,
      district: 'ningbo',
    });
    const yaml = yamlOf(manifest);
    assert.match(lineOf(yaml, 'district') ?? '', /^district: ningbo$/, 'a given district is no guess');
    assert.match(yaml, /^# title: {2}# 必填：/m);
    assert.match(lineOf(yaml, 'titleSource') ?? '', /^titleSource: editor/);
    assert.ok(report.some((l) => l.includes('转版注记 1 个：【上接第1版】第1行')));
  });

  test('mistakes are named: an unknown district, another text under the same name', () => {
    const contentDir = contentCopy();
    const file = join(fixtures, 'fenghua-shisiwu-jianyi.txt');
    assert.throws(
      () => addDocument({ file, contentDir, district: 'fenghau' }),
      (e: Error) => e instanceof AddError && /--district fenghau: not in .*districts\.yaml/.test(e.message),
    );
    writeFileSync(join(contentDir, 'sources', 'fenghua-shisiwu-jianyi.txt'), '另一个文本。\n');
    assert.throws(
      () => addDocument({ file, contentDir }),
      (e: Error) => e instanceof AddError && e.message.includes('already exists with another text'),
    );
  });
});
