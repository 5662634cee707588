/**
 * Drafts a manifest entry for a new source text from what its head prints: the title, the
 * masthead (meeting, speaker, day, document number) and where the body starts; the kind and the
 * district where the title or masthead names one of content/'s vocabulary. Every value read from
 * the text is a guess the maintainer checks (marked 推测 in the YAML); a required value the text
 * does not show is left for the maintainer to write (marked 必填), so the build fails until it is.
 */
import { pinyin } from 'pinyin-pro';
import { stringify } from 'yaml';
import { headingMarker } from '../../src/lib/conventions/heading-markers.ts';
import { itemMarker } from '../../src/lib/conventions/item-markers.ts';
import { findJumpLine, isJumpLine } from '../../src/lib/conventions/jump-lines.ts';
import {
  dayIn,
  documentNumberIn,
  isSalutation,
  issuerOfTitle,
  meetingIn,
  speakerLine,
} from '../../src/lib/conventions/masthead.ts';
import { endsSentence, hasSentencePunctuation } from '../../src/lib/conventions/sentence-ends.ts';
import { foldWidth } from '../../src/lib/conventions/widths.ts';
import type { District, VocabularyEntry } from '../manifest/schema.ts';

export interface DraftInput {
  /** The source text (decoded). */
  text: string;
  /** Its file name inside content/sources/. */
  source: string;
  kinds: readonly VocabularyEntry[];
  /** Districts in display order (by level, then order). */
  districts: readonly District[];
  levels: readonly VocabularyEntry[];
  /** Slugs already used by other documents. */
  takenSlugs: ReadonlySet<string>;
  /** The district the maintainer named (--district); otherwise it is guessed. */
  district?: string;
  /** The slug the maintainer chose (--slug); otherwise it is made from district, year and kind. */
  slug?: string;
}

/** One field of the draft: a value (with why it was guessed), or a note on what to write there. */
export interface DraftField {
  key: string;
  value?: string | { until: string };
  /** Why this value: shown as `# 推测：…，请核对`. Absent for values the maintainer gave. */
  guess?: string;
  /** No value: what the maintainer must write (`# 必填：…`) or may write (`# 可选：…`). */
  todo?: { required: boolean; note: string };
}

interface Line {
  /** 1-based line number in the source. */
  number: number;
  text: string;
}

const MASTHEAD_LINES = 12;
const MAX_TITLE = 100;

/** A line that can be a document's title: no sentence punctuation outside brackets, not a heading or a jump. */
function isTitleLike(text: string): boolean {
  const outsideBrackets = foldWidth(text).replace(/\([^)]*\)|【[^】]*】|《[^》]*》/gu, '');
  return (
    text.length <= MAX_TITLE &&
    !hasSentencePunctuation(outsideBrackets) &&
    !isJumpLine(text) &&
    !headingMarker(text) &&
    !itemMarker(text) &&
    !isSalutation(text)
  );
}

/** A masthead line under the title: a day, a meeting, a speaker, a document number, or a bracketed note. */
function isMetaLine(text: string): boolean {
  const folded = foldWidth(text).trim();
  return (
    !!speakerLine(text) ||
    !!documentNumberIn(text) ||
    /^\(.*\)$/u.test(folded) ||
    ((!!dayIn(text) || !!meetingIn(text)) && text.length <= 80 && !/[。;]/u.test(folded))
  );
}

/**
 * How the manifest names the line the body starts at: its words up to the first punctuation (at
 * most 20 characters), longer only when an earlier line starts the same way (extract-preamble
 * takes the first line that starts with them).
 */
function startOf(line: Line, earlier: Line[]): string {
  const text = line.text.trim();
  const clause = /^[^,，、;；:：。]{1,20}/u.exec(text)?.[0] ?? text.slice(0, 20);
  for (let length = clause.length; length < text.length; length++) {
    const start = text.slice(0, length);
    if (!earlier.some((l) => l.text.trim().startsWith(start))) return start;
  }
  return text;
}

/** Where the body starts, and the masthead lines before it. */
function findBody(lines: Line[]): { body: number; until?: string; reason?: string } {
  const head = lines.slice(0, MASTHEAD_LINES);
  const salutation = head.findIndex((l) => isSalutation(l.text));
  if (salutation > 0)
    return {
      body: salutation,
      until: lines[salutation].text.trim(),
      reason: `正文从第${lines[salutation].number}行的称呼开始，此前${salutation}行是原文首部`,
    };
  const jump = head.slice(0, 3).findIndex((l) => findJumpLine(l.text)?.start === l.text.search(/\S/u));
  if (jump > 0) {
    const line = lines[jump];
    const found = findJumpLine(line.text)!;
    return {
      body: jump,
      until: line.text.slice(found.start, found.end),
      reason: `正文从第${line.number}行的转版提示开始，此前${jump}行是版面上的标题`,
    };
  }
  if (!lines[0] || !isTitleLike(lines[0].text)) return { body: 0 };
  let body = 1;
  while (body < head.length && isMetaLine(lines[body].text)) body++;
  if (body >= lines.length) return { body: 0 };
  return {
    body,
    until: startOf(lines[body], lines.slice(0, body)),
    reason: `正文从第${lines[body].number}行开始，此前${body}行是标题等原文首部`,
  };
}

/** Names a place is printed with: 宁海县 and 宁海, 前湾新区 and 前湾. */
function namesOf(district: District): string[] {
  const short = district.name.replace(/(?:新区|区|县|市)$/u, '');
  return short.length >= 2 && short !== district.name ? [district.name, short] : [district.name];
}

/**
 * The district the head names. A district of the first level (the city itself) only when no other
 * is named: 宁波市奉化区 is 奉化区.
 */
function guessDistrict(
  text: string,
  districts: readonly District[],
  levels: readonly VocabularyEntry[],
): { district: District; name: string } | undefined {
  const found = districts.flatMap((district) =>
    namesOf(district).flatMap((name) => {
      const at = text.indexOf(name);
      return at < 0 ? [] : [{ district, name, at }];
    }),
  );
  const top = levels[0]?.name;
  const specific = found.filter((f) => f.district.level !== top);
  return (specific.length ? specific : found).sort((a, b) => a.at - b.at)[0];
}

/** The kind the title names: the longest kind it ends with (brackets aside), else the longest it holds. */
function guessKind(title: string, kinds: readonly VocabularyEntry[]): VocabularyEntry | undefined {
  const bare = title.replace(/[(（][^)）]*[)）]\s*$/u, '').trim();
  const byLength = [...kinds].sort((a, b) => b.name.length - a.name.length);
  return byLength.find((k) => bare.endsWith(k.name)) ?? byLength.find((k) => title.includes(k.name));
}

/** The issuing body: the 关于 title's, else the speaker's government (市长 → 人民政府). */
function guessIssuer(
  title: string | undefined,
  speaker: { role: string } | undefined,
  district: District | undefined,
): { value: string; why: string } | undefined {
  const fromTitle = title && issuerOfTitle(title);
  if (fromTitle) return { value: fromTitle, why: `标题以“${fromTitle}关于”开头` };
  const head = speaker && /^(.*?)(?:代)?(?:市长|县长|区长)$/u.exec(speaker.role);
  if (!head) return undefined;
  const government = head[1].endsWith('人民政府')
    ? head[1]
    : head[1]
      ? `${head[1]}人民政府`
      : district && `${district.name}人民政府`;
  return government ? { value: government, why: `报告人为“${speaker.role}”` } : undefined;
}

/** A URL slug: the pinyin of each word, joined by "-". */
function slugOf(text: string): string {
  const words = new Intl.Segmenter('zh', { granularity: 'word' }).segment(text);
  return [...words]
    .map(({ segment }) =>
      pinyin(segment, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
        .join('')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ''),
    )
    .filter(Boolean)
    .join('-');
}

function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const lineRef = (line: Line) => `原文第${line.number}行`;

/**
 * The line under the title that says when (and at which meeting) the document was given or
 * adopted; a meeting line broken in two (2022年1月23日在象山 / 第十九届…会议上) is taken whole.
 */
function subtitleOf(lines: Line[]): { text: string; from: string } | undefined {
  const at = lines.findIndex((l) => dayIn(l.text) || meetingIn(l.text));
  if (at < 0) return undefined;
  const line = lines[at];
  const next = lines[at + 1];
  const joined = next && `${line.text.trim()}${next.text.trim()}`;
  if (joined && !meetingIn(line.text) && meetingIn(joined))
    return { text: joined, from: `原文第${line.number}—${next.number}行` };
  return { text: line.text.trim(), from: lineRef(line) };
}

export function draftManifest(input: DraftInput): DraftField[] {
  const lines: Line[] = input.text
    .split('\n')
    .map((text, i) => ({ number: i + 1, text }))
    .filter((l) => l.text.trim() !== '');
  const { body, until, reason } = findBody(lines);
  const masthead = lines.slice(0, body);
  const titleLine = masthead[0] && isTitleLike(masthead[0].text) ? masthead[0] : undefined;
  const title = titleLine?.text.trim();
  const subtitle = subtitleOf(masthead.slice(1));
  const dayLine = masthead.find((l) => dayIn(l.text));
  const day = dayLine && dayIn(dayLine.text);
  const meeting = subtitle && meetingIn(subtitle.text);
  const speaker = masthead.map((l) => ({ line: l, found: speakerLine(l.text) })).find((s) => s.found);
  const numberLine = masthead.find((l) => documentNumberIn(l.text));
  // Where a place is named: the masthead, and the opening words of the body (a plan's first sentence names it).
  const named = [
    ...masthead,
    ...lines.slice(body, body + 1).map((l) => ({ ...l, text: l.text.slice(0, 60) })),
  ];

  const fields: DraftField[] = [];
  const given = input.districts.find((d) => d.slug === input.district);
  const guessedDistrict = given
    ? undefined
    : guessDistrict(named.map((l) => l.text).join('\n'), input.districts, input.levels);
  const district = given ?? guessedDistrict?.district;
  const kind = title ? guessKind(title, input.kinds) : undefined;
  const year = day?.day.slice(0, 4);

  const slug =
    input.slug ??
    uniqueSlug(
      [district?.slug, year, kind && slugOf(kind.name)].filter(Boolean).join('-') ||
        slugOf(input.source.replace(/\.txt$/u, '')) ||
        'document',
      input.takenSlugs,
    );
  fields.push({
    key: 'slug',
    value: slug,
    ...(input.slug ? {} : { guess: '由地区、年份和类别拼成（网址的一部分，发布后不要再改）' }),
  });
  fields.push({ key: 'source', value: input.source });
  if (district)
    fields.push({
      key: 'district',
      value: district.slug,
      ...(guessedDistrict && {
        guess:
          `${lineRef(named.find((l) => l.text.includes(guessedDistrict.name))!)}提到“${guessedDistrict.name}”` +
          (guessedDistrict.name === district.name ? '' : `（${district.name}）`),
      }),
    });
  else
    fields.push({
      key: 'district',
      todo: {
        required: true,
        note: `原文首部未提到 content/districts.yaml 中的地区：写其中一个 slug，或以 --district 指定`,
      },
    });
  if (title) {
    fields.push({ key: 'title', value: title, guess: `${lineRef(titleLine!)}` });
    fields.push({ key: 'titleSource', value: 'official', guess: '标题印在原文中' });
  } else {
    fields.push({ key: 'title', todo: { required: true, note: '原文开头没有标题行：写编者拟定的标题' } });
    fields.push({ key: 'titleSource', value: 'editor', guess: '原文开头没有标题行' });
    fields.push({
      key: 'titleBasis',
      todo: { required: true, note: '编者拟题的依据（如“据正文首句”）' },
    });
  }
  if (subtitle) fields.push({ key: 'subtitle', value: subtitle.text, guess: subtitle.from });
  if (kind) fields.push({ key: 'kind', value: kind.name, guess: `标题含“${kind.name}”` });
  else
    fields.push({
      key: 'kind',
      todo: {
        required: true,
        note: `标题未写明类别：写 content/vocabularies/kinds.yaml 中的一个（${input.kinds.map((k) => k.name).join('、')}），或在那里加一个新类别`,
      },
    });
  const issuer = guessIssuer(title, speaker?.found, district);
  if (issuer) fields.push({ key: 'issuer', value: issuer.value, guess: issuer.why });
  else fields.push({ key: 'issuer', todo: { required: true, note: '发布机关（原文首部未写明）' } });
  if (day) {
    fields.push({ key: 'date', value: day.day, guess: `${lineRef(dayLine!)}“${day.text}”` });
    const label = /通过/u.test(dayLine!.text)
      ? '通过日期'
      : /批准/u.test(dayLine!.text)
        ? '批准日期'
        : /印发/u.test(dayLine!.text)
          ? '印发日期'
          : /发布/u.test(dayLine!.text)
            ? '发布日期'
            : undefined;
    if (label) fields.push({ key: 'dateLabel', value: label, guess: `${lineRef(dayLine!)}` });
  }
  if (meeting) fields.push({ key: 'meeting', value: meeting, guess: subtitle.from });
  if (speaker)
    fields.push({
      key: 'speaker',
      value: `${speaker.found!.role} ${speaker.found!.name}`,
      guess: lineRef(speaker.line),
    });
  const documentNumber = numberLine && documentNumberIn(numberLine.text);
  if (documentNumber)
    fields.push({ key: 'documentNumber', value: documentNumber, guess: lineRef(numberLine) });
  fields.push({
    key: 'provenance',
    todo: {
      required: true,
      note: '原文从何而来（网页、报纸版面、PDF、Word）、怎样提取，有何缺损（如只是开头部分）',
    },
  });
  if (until) fields.push({ key: 'preamble', value: { until }, guess: `${reason}，原样显示在正文之上` });
  const last = lines.at(-1);
  if (last && !endsSentence(last.text))
    fields.push({
      key: 'sourceGaps',
      todo: {
        required: false,
        note: [
          `原文第${last.number}行在句中结束（“…${last.text.trim().slice(-12)}”）。若文本在此截断（只收了开头部分），写：`,
          '  - kind: ends-mid-text',
          '    reason: 本文本只收……的开头部分，止于“……”。',
        ].join('\n'),
      },
    });
  return fields;
}

/** A scalar as YAML writes it (quoted where it must be). */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The draft as YAML, each guess and each missing value marked for the maintainer. */
export function draftYaml(fields: DraftField[], header: string): string {
  const out = [`# ${header}`];
  for (const field of fields) {
    const comment = field.guess ? `  # 推测：${field.guess}，请核对` : '';
    if (field.value === undefined) {
      const mark = field.todo!.required ? '必填' : '可选';
      const [first, ...more] = field.todo!.note.split('\n');
      out.push(`# ${field.key}:  # ${mark}：${first}`, ...more.map((line) => `# ${line}`));
    } else if (typeof field.value === 'string') out.push(`${field.key}: ${scalar(field.value)}${comment}`);
    else {
      out.push(`${field.key}:${comment}`);
      for (const [key, value] of Object.entries(field.value)) out.push(`  ${key}: ${scalar(value)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
