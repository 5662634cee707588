/**
 * Small reading enhancements; every page reads fully without this script.
 * - phone menu: the header button shows/hides the district navigation (aria-expanded, Esc closes)
 * - theme toggle: light/dark, saved in localStorage (the inline head script applies it before paint)
 * - copy link: the "#"/"¶" controls copy the passage's full URL (without ?highlight=) and say "已复制"
 * - copy citation: beside each, a "引" control copies the passage's GB/T 7714 citation (lib/citation.ts)
 *   from the page's citation_* meta tags, with the passage's URL and today's date as the access date
 * - the printed address (本文网址) is the page's real address when the site has no configured URL
 * - arriving at or following a #fragment highlights the passage (opening a folded repeat if needed)
 * - print: links print their full address; 打印本节 beside each chapter and section prints it alone
 * - "on this page": the current section is marked in the TOC, sidebar and breadcrumbs while scrolling;
 *   below wide screens the 本页目录 bar names it
 * - search shortcut: "/" (when not typing elsewhere) or Ctrl/⌘+K focuses the page's search field
 *   (the header's, or the home and search pages' own)
 */
import { citedDocument, gbt7714 } from '../lib/citation.ts';
import { fragmentId } from '../lib/url-part.ts';

const root = document.documentElement;
const live = document.getElementById('live-status');
const announce = (text: string) => {
  if (!live) return;
  live.textContent = '';
  setTimeout(() => (live.textContent = text), 30);
};

// ── Search shortcut ─────────────────────────────────────────────────────────
const searchField =
  document.querySelector<HTMLInputElement>('#site-search') ??
  document.querySelector<HTMLInputElement>('main input[type="search"]');
const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
document.addEventListener('keydown', (e) => {
  if (!searchField || e.defaultPrevented || e.isComposing) return;
  const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
  const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target);
  if (!ctrlK && !slash) return;
  e.preventDefault();
  searchField.focus();
  searchField.select();
});

// ── Phone menu ──────────────────────────────────────────────────────────────
const menuButton = document.querySelector<HTMLButtonElement>('.menu-toggle');
const nav = document.getElementById('site-nav');
if (menuButton && nav) {
  const setOpen = (open: boolean) => {
    menuButton.setAttribute('aria-expanded', String(open));
    root.classList.toggle('nav-open', open);
  };
  menuButton.addEventListener('click', () => {
    const open = menuButton.getAttribute('aria-expanded') !== 'true';
    setOpen(open);
    // The current page's link, wherever it stands in the list; else the first. The menu lies over
    // the page, so focusing it scrolls the menu only: closed again, the page is where it was.
    if (open)
      (
        nav.querySelector<HTMLAnchorElement>('a[aria-current="page"]') ??
        nav.querySelector<HTMLAnchorElement>('a')
      )?.focus();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && root.classList.contains('nav-open')) {
      setOpen(false);
      menuButton.focus();
    }
  });
  // Following a link inside the open menu (e.g. a chapter on this page) closes it.
  nav.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) setOpen(false);
  });
}

// On wide screens the sidebar scrolls on its own: bring the current document into view.
const currentDoc = nav?.querySelector<HTMLElement>('.is-current');
if (nav && currentDoc && nav.scrollHeight > nav.clientHeight) {
  nav.scrollTop = Math.max(0, currentDoc.offsetTop - nav.clientHeight / 4);
}

// ── Theme toggle ────────────────────────────────────────────────────────────
const themeButton = document.querySelector<HTMLButtonElement>('.theme-toggle');
if (themeButton) {
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : systemDark.matches);
  const sync = () => {
    const dark = isDark();
    themeButton.setAttribute('aria-pressed', String(dark));
    themeButton.title = dark ? '切换为浅色模式' : '切换为深色模式';
  };
  themeButton.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      /* private mode: the choice lasts for this page */
    }
    sync();
  });
  systemDark.addEventListener('change', sync);
  sync();
}

// ── Passage highlight ───────────────────────────────────────────────────────
function reveal(id: string, scroll: boolean) {
  const el = document.getElementById(id);
  if (!el) return;
  const folded = el.closest('details:not([open])');
  if (folded) (folded as HTMLDetailsElement).open = true;
  if (scroll) el.scrollIntoView({ block: 'start' });
  el.classList.remove('is-flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('is-flash');
  setTimeout(() => el.classList.remove('is-flash'), 2600);
}
const hashId = () => fragmentId(location.hash);
if (location.hash) {
  const id = hashId();
  const el = document.getElementById(id);
  // A target inside a folded repeat is not scrolled to by the browser: open it and scroll.
  reveal(id, !!el?.closest('details:not([open])'));
}
addEventListener('hashchange', () => reveal(hashId(), false));

// ── Copy link and citation ──────────────────────────────────────────────────
/**
 * A passage's address: the page's canonical URL (there is one when the site's URL is configured),
 * else the address it is read at, without a query (?highlight=), with the passage's #id.
 */
function passageUrl(hash: string): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return new URL(hash, canonical ?? location.origin + location.pathname).href;
}
const printedAddress = document.querySelector('.page-address');
if (printedAddress && !document.querySelector('link[rel="canonical"]'))
  printedAddress.textContent = passageUrl('');

const cited = citedDocument(
  (name) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined,
);
// The citation control exists only with script (it cannot work without), beside each link control.
if (cited)
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.doc-body a.cite')) {
    const label = (link.getAttribute('aria-label') ?? '复制本段链接').replace('链接', '引文');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cite-ref';
    button.dataset.symbol = '引';
    button.dataset.searchIgnore = 'all';
    button.dataset.passage = link.hash;
    button.setAttribute('aria-label', `${label}（GB/T 7714）`);
    button.title = `${label}（GB/T 7714 格式）`;
    link.after(button);
  }

/** Copies with the Clipboard API; where it is refused, the address bar already holds the link. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
document.addEventListener('click', async (e) => {
  const link = (e.target as Element).closest<HTMLAnchorElement>('a.cite');
  if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  const url = passageUrl(link.hash);
  // The address bar shows the same link (a ?highlight= from a search stays behind: whoever opens the
  // link should not see this reader's search marks), for when the clipboard is refused.
  history.replaceState(history.state, '', location.pathname + link.hash);
  reveal(fragmentId(link.hash), false);
  const ok = await copyText(url);
  link.dataset.copied = ok ? '已复制' : '请复制地址栏';
  announce(ok ? `已复制链接：${url}` : `复制失败，链接为：${url}`);
  setTimeout(() => delete link.dataset.copied, 1800);
});
document.addEventListener('click', async (e) => {
  const button = (e.target as Element).closest<HTMLButtonElement>('button.cite-ref');
  if (!button || !cited) return;
  const citation = gbt7714(cited, passageUrl(button.dataset.passage ?? ''), new Date());
  const ok = await copyText(citation);
  // Where the clipboard is refused, the citation is shown to copy by hand (it is in no address bar).
  if (!ok) prompt('请复制引文：', citation);
  button.dataset.copied = ok ? '已复制引文' : '请手动复制';
  announce(ok ? `已复制引文：${citation}` : `未能自动复制，引文为：${citation}`);
  setTimeout(() => delete button.dataset.copied, 1800);
});

// ── Print ───────────────────────────────────────────────────────────────────
// A printed link shows its full address (the print style prints data-print-href; without script, the
// path as written).
for (const link of document.querySelectorAll<HTMLAnchorElement>('.doc-body a[href], .doc-meta a[href]'))
  link.dataset.printHref = link.href;

/**
 * 打印本节: beside each chapter and section heading, a control that prints that section alone (the
 * heading and what follows it up to the next heading of its level or above), under the document's
 * title and address. Absent from the printout itself.
 */
const SECTION_HEADINGS = '.doc-body > :is(h2, h3)[id]';
function sectionOf(heading: HTMLElement): HTMLElement[] {
  const level = Number(heading.tagName.slice(1));
  const part = [heading];
  for (let el = heading.nextElementSibling; el instanceof HTMLElement; el = el.nextElementSibling) {
    if (/^H[1-6]$/.test(el.tagName) && Number(el.tagName.slice(1)) <= level) break;
    part.push(el);
  }
  return part;
}
const endSectionPrint = () => {
  delete root.dataset.printSection;
  for (const el of document.querySelectorAll('.print-part')) el.classList.remove('print-part');
};
addEventListener('afterprint', endSectionPrint);
for (const heading of document.querySelectorAll<HTMLElement>(SECTION_HEADINGS)) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'print-section';
  button.dataset.searchIgnore = 'all';
  button.setAttribute('aria-label', `打印本节：${heading.textContent?.trim()}`);
  button.addEventListener('click', () => {
    endSectionPrint();
    for (const el of sectionOf(heading)) el.classList.add('print-part');
    root.dataset.printSection = heading.id;
    print();
  });
  heading.append(button);
}

// ── On this page: mark the current section while scrolling ──────────────────
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('[data-toc-id]')];
if (tocLinks.length) {
  const ids = [...new Set(tocLinks.map((a) => a.dataset.tocId!))];
  const headings = ids
    .map((id) => document.getElementById(id))
    .filter((h): h is HTMLElement => !!h && !h.closest('details:not([open])'))
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  // Chapters are the top-level headings (a table listed at the top level is not one).
  const chapterIds = new Set(
    tocLinks.filter((a) => a.dataset.tocDepth === '2' && !a.dataset.tocKind).map((a) => a.dataset.tocId!),
  );
  const crumb = document.querySelector<HTMLElement>('.crumb-chapter');
  const crumbLink = crumb?.querySelector('a');
  const tocPanel = document.querySelector<HTMLElement>('.page-toc');
  // The 本页目录 bar (below wide screens) names the current section, and folds once one is chosen.
  const tocBar = document.querySelector<HTMLDetailsElement>('.toc-inline details');
  const tocBarCurrent = tocBar?.querySelector<HTMLElement>('.toc-inline-current');
  tocBar?.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) tocBar.open = false;
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && tocBar?.open) {
      tocBar.open = false;
      tocBar.querySelector('summary')?.focus();
    }
  });
  let current = '';
  let ticking = false;
  const update = () => {
    ticking = false;
    // A heading counts as reached once it is near the sticky header (and the 本页目录 bar): where a link to it puts it.
    const offset = (parseFloat(getComputedStyle(root).scrollPaddingTop) || 0) + 40;
    let active: HTMLElement | undefined;
    for (const h of headings) {
      if (h.getBoundingClientRect().top - offset <= 0) active = h;
      else break;
    }
    const id = active?.id ?? '';
    if (id === current) return;
    current = id;
    // The chapter (depth 2) containing the active heading, for the sidebar and breadcrumbs.
    let chapter: HTMLElement | undefined;
    if (active) {
      for (const h of headings) {
        if (chapterIds.has(h.id)) chapter = h;
        if (h === active) break;
      }
    }
    for (const a of tocLinks) {
      const on =
        a.dataset.tocId === id || (a.closest('.sidebar') !== null && a.dataset.tocId === chapter?.id);
      if (on) a.setAttribute('aria-current', 'location');
      else a.removeAttribute('aria-current');
    }
    if (tocBarCurrent)
      tocBarCurrent.textContent = active
        ? (tocLinks.find((a) => a.dataset.tocId === id)?.textContent ?? '')
        : '';
    if (crumb && crumbLink) {
      const text = chapter ? (tocLinks.find((a) => a.dataset.tocId === chapter!.id)?.textContent ?? '') : '';
      crumb.hidden = !chapter;
      crumbLink.textContent = text;
      crumbLink.href = chapter ? `#${chapter.id}` : '#top';
    }
    const mark = tocPanel?.querySelector<HTMLElement>('[aria-current="location"]');
    if (mark && tocPanel && tocPanel.scrollHeight > tocPanel.clientHeight) {
      const top = mark.offsetTop - tocPanel.clientHeight / 3;
      tocPanel.scrollTo({ top });
    }
  };
  addEventListener(
    'scroll',
    () => {
      if (!ticking) {
        ticking = true;
        requestAnimationFrame(update);
      }
    },
    { passive: true },
  );
  update();
}
