/**
 * Every repair the pipeline makes is recorded here, with a kind, a reason and where it happened,
 * so each page can tell the reader what was repaired (整理说明).
 */
export type RepairKind =
  | 'joined-lines'
  | 'traditional-to-simplified'
  | 'lost-glyph'
  | 'restored-numbering'
  | 'stray-space'
  | 'typo'
  | 'word-bookmark'
  | 'image-placeholder'
  | 'bold-markers'
  | 'jump-line'
  | 'table-of-contents'
  | 'moved-headline'
  | 'column-continuation'
  | 'source-gap'
  | 'repeated-paragraph'
  | 'table-rebuilt'
  | 'table-row-fix'
  | 'vertical-text'
  | 'note-reference'
  | 'letter-spaced-heading';

const repairLabels: Record<RepairKind, string> = {
  'joined-lines': '接合被分页或分栏断开的段落',
  'traditional-to-simplified': '繁体字转为简体字',
  'lost-glyph': '补回提取时丢失的字',
  'restored-numbering': '补回缺失的序号',
  'stray-space': '删除词语中间多余的空格',
  typo: '更正错字',
  'word-bookmark': '删除 Word 书签标记',
  'image-placeholder': '图片占位改为图片说明',
  'bold-markers': '粗体标记改为强调',
  'jump-line': '报纸转版提示改为注记',
  'table-of-contents': '原目录由本站目录取代',
  'moved-headline': '标题移回所属文章',
  'column-continuation': '分栏续文归入所属文章',
  'source-gap': '标出原文缺失文字之处',
  'repeated-paragraph': '标出原文重复的段落',
  'table-rebuilt': '重建被拆散的表格',
  'table-row-fix': '校正错位的表格行',
  'vertical-text': '合并竖排文字',
  'note-reference': '名词解释注码改为链接',
  'letter-spaced-heading': '合并字间加空格的标题',
};

export interface RepairDetail {
  /** 1-based line in the source file, where known. */
  line?: number;
  text: string;
  /** The compilation article the repair belongs to, where its line alone does not tell (a headline moved to it). */
  article?: string;
}

export interface RepairSummary {
  kind: RepairKind;
  label: string;
  count: number;
  reason?: string;
  details: RepairDetail[];
}

export class RepairLog {
  private readonly byKind = new Map<RepairKind, RepairSummary>();

  add(kind: RepairKind, detail?: RepairDetail, options: { count?: number; reason?: string } = {}): void {
    let summary = this.byKind.get(kind);
    if (!summary) {
      summary = { kind, label: repairLabels[kind], count: 0, details: [] };
      this.byKind.set(kind, summary);
    }
    summary.count += options.count ?? 1;
    if (options.reason && !summary.reason) summary.reason = options.reason;
    if (detail) summary.details.push(detail);
  }

  count(kind: RepairKind): number {
    return this.byKind.get(kind)?.count ?? 0;
  }

  summaries(): RepairSummary[] {
    const order = Object.keys(repairLabels) as RepairKind[];
    return [...this.byKind.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  }
}
