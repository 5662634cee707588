/**
 * Sections of a passage attributed to another article of the compilation (attributions.ts) that
 * are not folded as repeats (mark-repeats.ts): the article printed them too, under headings of the
 * same wording, but their text differs (海曙's 八、九、 and 北仑's 三、四、). Both copies stay shown,
 * so each page says what its copy is, from the data of that page:
 *
 * - where the passage is printed away from its article, a note before the sections names them, says
 *   they belong to the passage the earlier note attributes, that their wording differs from the
 *   article's sections of the same titles, and links to those;
 * - in the article, a note before its sections names the differing copies and links to them.
 *
 * Both are listed in 整理说明 ('differing-copy'), with their lines.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { countedNumeral } from '../../src/lib/conventions/numerals.ts';
import { numbering, repeatKey } from './mark-repeats.ts';
import { pagesOf, type PassContext } from './pass.ts';
import type { EditorNote } from './tree.ts';

type Block = Paragraph | Heading;
interface Section {
  heading: Heading;
  /** The heading and the blocks under it, up to the next heading. */
  blocks: Block[];
  siblings: RootContent[];
  /** URL path of its page. */
  url: string;
}

const isBlock = (n: RootContent): n is Block => n.type === 'paragraph' || n.type === 'heading';

function sectionsOf(children: RootContent[], url: string): Section[] {
  const sections: Section[] = [];
  for (const node of children) {
    if (node.type === 'heading') sections.push({ heading: node, blocks: [node], siblings: children, url });
    else if (isBlock(node)) sections.at(-1)?.blocks.push(node);
  }
  return sections;
}

const lastLine = (b: Block) => (b.type === 'paragraph' && b.data?.through) || b.data?.line;
function linesOf(sections: Section[]): string {
  const from = sections[0].heading.data?.line;
  const to = lastLine(sections.at(-1)!.blocks.at(-1)!);
  return from === to ? `第 ${from} 行` : `第 ${from}–${to} 行`;
}
const markers = (sections: Section[]) =>
  sections.map((s) => `“${numbering(s.heading) || '无序号'}”`).join('');
/** “两节”, “一节”, “三节”: how many sections, as counted in running text. */
const sectionCount = (sections: Section[]) =>
  `${sections.length === 2 ? '两' : countedNumeral(sections.length)}节`;
const these = (sections: Section[]) => `这${sectionCount(sections)}`;
const linksTo = (sections: Section[]) =>
  sections.map((s) => ({ text: `“${numbering(s.heading)}”`, href: `${s.url}#${s.heading.data!.id}` }));

export function noteDifferingCopies(tree: Root, context: PassContext): void {
  const { document, log } = context;
  const articles = document.compilation?.articles ?? [];
  if (!articles.length) return;
  const pages = pagesOf(tree, context).map(({ path, tree: page, article }) => ({
    slug: article?.article.slug,
    url: `/docs/${path}/`,
    name: article ? `${article.article.byline}文章` : `《${document.title}》`,
    sections: sectionsOf(page.children, `/docs/${path}/`),
  }));

  for (const page of pages) {
    // Runs of shown sections, printed away from the article they are attributed to.
    const runs: { home: (typeof pages)[number]; sections: Section[]; counterparts: Section[] }[] = [];
    let continuing = false;
    for (const section of page.sections) {
      const owner = section.heading.data?.attributedTo?.article;
      const home = owner && owner !== page.slug ? pages.find((p) => p.slug === owner) : undefined;
      const shown = !section.blocks.some((b) => b.data?.repeatOf);
      const counterpart = home?.sections.find((s) => repeatKey(s.heading) === repeatKey(section.heading));
      if (!home || !shown || !counterpart) {
        continuing = false;
        continue;
      }
      const run = runs.at(-1);
      if (continuing && run?.home === home) {
        run.sections.push(section);
        run.counterparts.push(counterpart);
      } else runs.push({ home, sections: [section], counterparts: [counterpart] });
      continuing = true;
    }

    for (const { home, sections, counterparts } of runs) {
      const awayLines = linesOf(sections);
      const homeLines = linesOf(counterparts);
      const away: EditorNote = {
        type: 'editorNote',
        text: `以下${markers(sections)}${sectionCount(sections)}（原文${awayLines}）也在上文编者注所说疑属${home.name}的文字之中。该文另有标题相同的${markers(counterparts)}${sectionCount(counterparts)}（原文${homeLines}），正文措辞与${these(sections)}不同，所以${these(sections)}不是重复，未折叠，照原文显示。该文的${these(counterparts)}见：`,
        links: linksTo(counterparts),
        data: { line: sections[0].heading.data?.line },
      };
      const first = sections[0];
      first.siblings.splice(first.siblings.indexOf(first.heading), 0, away);
      log.add('differing-copy', {
        line: first.heading.data?.line,
        text: `${markers(sections)}（原文${awayLines}）与${home.name}的${markers(counterparts)}（原文${homeLines}）标题相同、正文措辞不同：未折叠，注明属于该文。`,
        block: first.heading,
      });

      const there: EditorNote = {
        type: 'editorNote',
        text: `本文的${markers(counterparts)}${sectionCount(counterparts)}在${page.name}之中另有一种印法（原文${awayLines}，序号为${markers(sections)}），标题相同，正文措辞不同，在那边照原文显示，没有折叠。见：`,
        links: linksTo(sections),
        data: { line: counterparts[0].heading.data?.line },
      };
      const home0 = counterparts[0];
      home0.siblings.splice(home0.siblings.indexOf(home0.heading), 0, there);
      log.add('differing-copy', {
        line: home0.heading.data?.line,
        text: `本文的${markers(counterparts)}（原文${homeLines}）在${page.name}中另印作${markers(sections)}（原文${awayLines}），正文措辞不同：两处都显示，互相注明。`,
        block: home0.heading,
      });
    }
  }
}
