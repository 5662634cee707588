/**
 * Every repair the pipeline makes is recorded here, with a kind, where it happened (its source
 * line, always) and what was done, so each page can tell the reader what was repaired (整理说明)
 * and link each entry to the passage it concerns. A kind's count is the sum of its entries' counts,
 * in the unit its label names (字 for characters, 条 for table-of-contents entries …).
 */
export type RepairKind =
  | 'joined-lines'
  | 'continued-paragraph'
  | 'probable-lost-character'
  | 'traditional-to-simplified'
  | 'lost-glyph'
  | 'restored-numbering'
  | 'stray-space'
  | 'typo'
  | 'word-bookmark'
  | 'image-placeholder'
  | 'figure-caption'
  | 'bold-markers'
  | 'list-bullet'
  | 'jump-line'
  | 'table-of-contents'
  | 'toc-heading-differs'
  | 'moved-headline'
  | 'column-continuation'
  | 'source-gap'
  | 'attributed-passage'
  | 'run-on-line'
  | 'printed-elsewhere'
  | 'differing-copy'
  | 'repeated-paragraph'
  | 'table-rebuilt'
  | 'table-page-repeat'
  | 'table-row-fix'
  | 'vertical-text'
  | 'repeated-vertical-text'
  | 'note-reference'
  | 'letter-spaced-heading';

interface KindInfo {
  /** What was done, in plain words. */
  label: string;
  /** What the count counts. */
  unit: string;
  /** The repair concerns the page as a whole (a removed table of contents), not one passage of its text. */
  page?: true;
}

/** In the order 整理说明 lists them. */
const kinds: Record<RepairKind, KindInfo> = {
  'joined-lines': { label: '接合被分页或分栏断开的段落', unit: '处' },
  'continued-paragraph': { label: '接合在句末处被分页断开的段落（据文意判断）', unit: '处' },
  'probable-lost-character': { label: '标出断行处可能缺失的字（未补字）', unit: '处' },
  'traditional-to-simplified': { label: '繁体字转为简体字', unit: '字' },
  'lost-glyph': { label: '补回原文转成文字时丢失的字', unit: '处' },
  'restored-numbering': { label: '补回缺失的序号', unit: '处' },
  'stray-space': { label: '删去多余的空格', unit: '个' },
  typo: { label: '更正错字', unit: '处' },
  'word-bookmark': { label: '删去原文件转成文字时留下的隐藏标记（如 [bookmark: _Toc…]）', unit: '个' },
  'image-placeholder': { label: '原文中“[image: ]”图片标记改为图片说明', unit: '处' },
  'figure-caption': { label: '标出文字稿未收录的图片（原文只有图题）', unit: '幅' },
  'bold-markers': { label: '原文中表示加粗的“**”改为加粗显示', unit: '处' },
  'list-bullet': { label: '专栏条目前的“·”改为列表符号', unit: '处' },
  'jump-line': { label: '报纸转版提示改为注记', unit: '处' },
  'table-of-contents': { label: '删去原文目录（由本站目录代替）', unit: '条', page: true },
  'toc-heading-differs': { label: '原文目录与正文标题用字不同（以正文为准）', unit: '处' },
  'moved-headline': { label: '标题移回所属文章', unit: '处', page: true },
  'column-continuation': { label: '分栏续文归入所属文章', unit: '处' },
  'source-gap': { label: '标出原文缺失文字之处', unit: '处' },
  'run-on-line': { label: '在标题和转版提示处分段（原文多段连成一行）', unit: '处' },
  'attributed-passage': { label: '标出疑属他文的文字（按原文位置保留）', unit: '处' },
  'printed-elsewhere': { label: '说明本文的段落也排在他文中（判定属于本文）', unit: '处' },
  'repeated-paragraph': { label: '折叠原文重复印出的标题和段落', unit: '处' },
  'differing-copy': { label: '注明他文中标题相同、措辞不同的另一种印法（未折叠）', unit: '处' },
  'table-rebuilt': { label: '重建被拆散的表格', unit: '张' },
  'table-page-repeat': { label: '删去表格在分页处重复印出的表题和表头', unit: '处' },
  'table-row-fix': { label: '校正错位的表格行', unit: '行' },
  'vertical-text': { label: '合并竖排文字', unit: '处' },
  'repeated-vertical-text': { label: '删去表格中重复印出的竖排文字', unit: '处' },
  'note-reference': { label: '名词解释的注码改为链接', unit: '处' },
  'letter-spaced-heading': { label: '合并字间加空格的标题', unit: '处' },
};

export function repairKindInfo(kind: RepairKind): KindInfo {
  return kinds[kind];
}

export interface RepairDetail {
  /** 1-based line in the source file. */
  line: number;
  /** The source file, for a document in several files (set when the document is done: passes number its lines on through the files). */
  file?: string;
  /** The last line, when the repair spans several (a removed table of contents). */
  through?: number;
  text: string;
  /** How many repairs of its kind this entry stands for (a line with three spaces removed: 3). */
  count?: number;
  /** The compilation article the repair belongs to, where its line alone does not tell (a headline moved to it). */
  article?: string;
  /**
   * The block repaired, where the pass holds it and its line alone does not tell (a run-in heading
   * and its paragraph share a line): 整理说明 links to it.
   */
  block?: object;
}

export interface RepairSummary {
  kind: RepairKind;
  label: string;
  unit: string;
  /** The sum of the entries' counts. */
  count: number;
  reason?: string;
  details: RepairDetail[];
}

class RepairLogError extends Error {
  override name = 'RepairLogError';
}

export class RepairLog {
  private readonly byKind = new Map<RepairKind, RepairSummary>();

  /** Records one repair (or `detail.count` of them on one line); a repair without its source line is a bug. */
  add(
    kind: RepairKind,
    detail: Omit<RepairDetail, 'line'> & { line: number | undefined },
    options: { reason?: string } = {},
  ): void {
    const { line } = detail;
    if (!Number.isInteger(line) || line! < 1)
      throw new RepairLogError(
        `repair "${kind}" (${detail.text}) has no source line: every repair is listed in 整理说明 with its line`,
      );
    if (detail.count !== undefined && (!Number.isInteger(detail.count) || detail.count < 1))
      throw new RepairLogError(`repair "${kind}" at line ${line}: count must be a positive integer`);
    let summary = this.byKind.get(kind);
    if (!summary) {
      const { label, unit } = kinds[kind];
      summary = { kind, label, unit, count: 0, details: [] };
      this.byKind.set(kind, summary);
    }
    summary.count += detail.count ?? 1;
    if (options.reason && !summary.reason) summary.reason = options.reason;
    summary.details.push({ ...detail, line: line! });
  }

  count(kind: RepairKind): number {
    return this.byKind.get(kind)?.count ?? 0;
  }

  summaries(): RepairSummary[] {
    const order = Object.keys(kinds) as RepairKind[];
    return [...this.byKind.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  }
}
