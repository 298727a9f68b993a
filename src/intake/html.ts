// HTML to the article it carries. Metadata is read from the head first (Open Graph, article:*,
// JSON-LD, <time>, <html lang>); then the page loses what is never the article (scripts, forms,
// navigation, sharing, comments, cookie banners, related posts, footers), Readability picks the
// main content, and what such pages still end with ("Share this:", "Like this:", "Leave a Reply",
// "Blog at …", "Up ↑") is cut from the text.
import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { dropDebris } from './debris.ts';
import { dateValue, headMeta, type DocumentMeta } from './meta.ts';
import { normalizeText } from './normalize.ts';

// linkedom implements the DOM; its own typings are looser than lib.dom's, so the DOM's are used.
type Doc = Document;
type El = Element;

export interface HtmlResult {
  text: string;
  meta: DocumentMeta;
}

export function readHtml(source: string): HtmlResult {
  const document = parse(source);
  const meta = htmlMeta(document);
  const heading = collapse(document.querySelector('article h1, main h1, h1')?.textContent ?? '');
  const pageTitle = collapse(document.querySelector('title')?.textContent ?? '');
  clean(document);

  // Elements nested thousands deep (no real page is) would exhaust the stack of every tree walk.
  if (depth(document.body) > MAX_DEPTH) {
    const flat = dropDebris(normalizeText(document.body?.textContent ?? ''));
    return { text: flat, meta };
  }

  let text = '';
  try {
    const article = new Readability(document, { charThreshold: 200, keepClasses: false }).parse();
    if (article?.content) text = blockText(parse(`<!doctype html><html><body>${article.content}</body></html>`).body);
    if (!meta.title && article?.title?.trim()) meta.title = collapse(article.title);
    if (!meta.author && article?.byline) {
      const byline = article.byline.replace(/^\s*by\s+/i, '').trim();
      if (byline && byline.length <= 100 && !/^https?:/.test(byline)) meta.author = byline;
    }
    if (!meta.publisher && article?.siteName) meta.publisher = article.siteName.trim();
    if (!meta.published && article?.publishedTime) {
      const d = dateValue(article.publishedTime);
      if (d) meta.published = d;
    }
  } catch {
    // Readability gives up on some pages; the cleaned body below still holds the text.
  }
  // Readability found nothing or next to nothing: the cleaned page itself, if it says more.
  if (normalizeText(text).length < 200) {
    const whole = blockText(cleanedBody(source));
    if (normalizeText(whole).length > normalizeText(text).length) text = whole;
  }
  meta.title ||= heading || pageTitle || undefined;
  text = dropDebris(normalizeText(text));
  if (meta.title && text && !startsWithTitle(text, meta.title)) text = `${meta.title}\n\n${text}`;

  const head = headMeta(text, { title: false });
  if (!meta.author && head.author) meta.author = head.author;
  if (!meta.published && head.published) meta.published = head.published;
  for (const key of Object.keys(meta) as Array<keyof DocumentMeta>) if (!meta[key]) delete meta[key];
  return { text, meta };
}

const MAX_DEPTH = 500;

function depth(root: El | null): number {
  let max = 0;
  const stack: Array<[El, number]> = root ? [[root, 1]] : [];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_DEPTH) break;
    for (const child of el.children) stack.push([child, d + 1]);
  }
  return max;
}

function parse(source: string): Doc {
  let document = new DOMParser().parseFromString(source, 'text/html') as unknown as Doc;
  // A fragment ("<p>…</p>") parses to a document without a body: give it one.
  if (!document.documentElement || document.documentElement.tagName.toLowerCase() !== 'html' || !document.body) {
    document = new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${source}</body></html>`, 'text/html') as unknown as Doc;
  }
  return document;
}

function cleanedBody(source: string): El {
  const document = parse(source);
  clean(document);
  return document.body;
}

// ---------------------------------------------------------------------------------------------
// Metadata

function htmlMeta(document: Doc): DocumentMeta {
  const metas = new Map<string, string>();
  for (const el of document.querySelectorAll('meta')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv'))?.trim().toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const first = (...keys: string[]) => keys.map((k) => metas.get(k)).find((v) => v && !/^https?:\/\//.test(v));
  const ld = jsonLd(document);

  const meta: DocumentMeta = {};
  // A bare <title> usually carries the site's name too: Readability's reading of it comes later.
  const title = first('og:title', 'twitter:title', 'dc.title', 'citation_title') ?? ld.headline;
  if (title) meta.title = collapse(title);
  const author = first('author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author', 'citation_author') ?? ld.author
    ?? document.querySelector('[itemprop="author"] [itemprop="name"], [rel="author"], .byline .author, .author.vcard .fn, .entry-author-name')?.textContent?.trim();
  if (author) meta.author = collapse(author).replace(/^by\s+/i, '');
  const publisher = first('og:site_name', 'publisher', 'dc.publisher', 'citation_publisher', 'application-name') ?? ld.publisher;
  if (publisher) meta.publisher = collapse(publisher);

  const timeEl = document.querySelector('time[pubdate], time[itemprop="datePublished"], time.published, time.entry-date, article time[datetime], main time[datetime], .byline time[datetime], .entry-meta time[datetime]');
  const published = [
    first('article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date.issued', 'dc.date', 'dcterms.issued', 'dcterms.created', 'citation_publication_date', 'citation_date', 'sailthru.date', 'parsely-pub-date'),
    ld.datePublished,
    timeEl?.getAttribute('datetime') ?? timeEl?.textContent ?? undefined,
  ].map((v) => dateValue(v)).find(Boolean);
  if (published) meta.published = published;

  const language = document.documentElement.getAttribute('lang') ?? document.documentElement.getAttribute('xml:lang') ?? first('content-language', 'og:locale', 'dc.language') ?? ld.inLanguage;
  if (language?.trim()) meta.language = language.trim().replace('_', '-');
  return meta;
}

interface LdFacts {
  headline?: string;
  author?: string;
  publisher?: string;
  datePublished?: string;
  inLanguage?: string;
}

/** The facts of the first article-like object in the page's JSON-LD, including inside @graph. */
function jsonLd(document: Doc): LdFacts {
  const objects: Array<Record<string, unknown>> = [];
  const collect = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      objects.push(v as Record<string, unknown>);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph) collect(graph);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common and says nothing.
    }
  }
  const isArticle = (o: Record<string, unknown>) => [o['@type']].flat().some((t) => typeof t === 'string' && /Article|Posting|Report|NewsArticle|WebPage/.test(t));
  const o = objects.find((x) => isArticle(x) && x['datePublished']) ?? objects.find(isArticle) ?? objects.find((x) => x['datePublished']);
  if (!o) return {};
  const name = (v: unknown): string | undefined => {
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) return v.map(name).filter(Boolean).join(', ') || undefined;
    if (v && typeof v === 'object' && typeof (v as Record<string, unknown>)['name'] === 'string') return (v as Record<string, string>)['name'];
    return undefined;
  };
  const facts: LdFacts = {};
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const headline = str(o['headline']) ?? str(o['name']);
  if (headline) facts.headline = headline;
  const author = name(o['author']);
  if (author && !/^https?:/.test(author)) facts.author = author;
  const publisher = name(o['publisher']);
  if (publisher) facts.publisher = publisher;
  const date = str(o['datePublished']) ?? str(o['dateCreated']);
  if (date) facts.datePublished = date;
  const lang = str(o['inLanguage']);
  if (lang) facts.inLanguage = lang;
  return facts;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------
// Cleaning the page

const NEVER_TEXT = 'script, style, noscript, template, svg, canvas, iframe, object, embed, form, button, input, select, textarea, label, nav, aside, footer, dialog, [hidden], [aria-hidden="true"], [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="dialog"], [role="alertdialog"], [role="search"]';
const DEBRIS = /(?:^|[\s_-])(comments?|comment-respond|respond|reply|share|shares|sharing|sharedaddy|sd-sharing|sd-like|social|likes?|jp-relatedposts|related|relatedposts|cookies?|consent|gdpr|cmp|newsletter|subscribe|subscription|popup|modal|advert|advertisement|ads?|sponsored|promo|breadcrumbs?|pagination|post-navigation|nav-links|navigation|menu|sidebar|site-footer|footer|site-info|colophon|skip-link|screen-reader-text|wpadminbar|author-bio|author-box|signup|tags|tag-links|cat-links)(?=$|[\s_-])/i;
const CONTENT = 'article, main, [role="main"], [itemprop="articleBody"], .entry-content, .post-content, .article-body, .story-body';

function clean(document: Doc): void {
  for (const el of [...document.querySelectorAll(NEVER_TEXT)]) {
    // A <footer> or <aside> inside the article is a byline box or a pull quote at worst; a page
    // that wraps the whole article in one (it happens) keeps it.
    if (el.querySelector?.(CONTENT)) continue;
    el.remove();
  }
  const bodyLength = document.body?.textContent?.length ?? 0;
  for (const el of [...document.querySelectorAll('[class], [id]')]) {
    if (!el.isConnected) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'html' || tag === 'body' || tag === 'main' || tag === 'article') continue;
    const label = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
    if (!DEBRIS.test(label)) continue;
    // Never what holds the article: body classes such as "comments-open" or "has-sidebar" say
    // nothing about the element itself.
    if (el.matches(CONTENT) || el.querySelector(CONTENT)) continue;
    if ((el.textContent?.length ?? 0) > bodyLength * 0.5) continue;
    el.remove();
  }
}

const PARAGRAPH = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'dl', 'figure', 'figcaption', 'address', 'hr', 'details', 'summary']);
const LINE = new Set(['li', 'tr', 'dt', 'dd', 'br', 'caption']);

/** The text of an element with paragraphs as blank lines and list items and rows as lines. */
function blockText(root: El | null | undefined): string {
  if (!root) return '';
  const out: string[] = [];
  let pending = 0; // line breaks owed before the next text: 1 for a line, 2 for a paragraph
  const brk = (n: number) => (pending = Math.max(pending, n));
  const emit = (t: string) => {
    if (pending) {
      if (!t.trim()) return;
      if (out.length) out.push('\n'.repeat(pending));
      pending = 0;
      t = t.replace(/^[ \t]+/, '');
    }
    out.push(t);
  };
  const walk = (node: El, pre: boolean) => {
    for (const child of [...node.childNodes] as El[]) {
      if (child.nodeType === 3) {
        const t = child.textContent ?? '';
        emit(pre ? t : t.replace(/[ \t\n\r\f]+/g, ' '));
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.tagName.toLowerCase();
      if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'img') continue;
      const level = PARAGRAPH.has(tag) ? 2 : LINE.has(tag) ? 1 : 0;
      if (level) brk(level);
      if ((tag === 'td' || tag === 'th') && child.previousElementSibling) emit(' | ');
      walk(child, pre || tag === 'pre');
      if (level) brk(level);
    }
  };
  walk(root, false);
  return out.join('');
}

function startsWithTitle(text: string, title: string): boolean {
  const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const first = fold(text.slice(0, Math.max(title.length * 2, 200)).split('\n')[0] ?? '');
  const t = fold(title);
  return first === t || first.startsWith(t) || t.startsWith(first) && first.length > 10;
}
