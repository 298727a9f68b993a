// Markdown as the text a reader sees: headings, emphasis and link texts kept, the markup that
// would put stray symbols into sentences (#, *, _, `, [](), >, list bullets, HTML tags) dropped.
// YAML front matter gives title, author, date, language and publisher.
import { dateValue, type DocumentMeta } from './meta.ts';

export interface MarkdownResult {
  text: string;
  meta: DocumentMeta;
  /** The first top-level heading, the document's title when front matter names none. */
  heading?: string;
}

export function stripMarkdown(source: string): MarkdownResult {
  let body = source.replace(/\r\n?/g, '\n');
  const meta: DocumentMeta = {};
  const front = body.match(/^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/);
  if (front) {
    Object.assign(meta, frontMatter(front[1]!));
    body = body.slice(front[0].length);
  }

  const out: string[] = [];
  let heading: string | undefined;
  let fence: string | null = null;
  let inComment = false;
  for (const raw of body.split('\n')) {
    if (fence) {
      if (raw.trim().startsWith(fence)) fence = null;
      else out.push(raw);
      continue;
    }
    const opening = raw.match(/^\s{0,3}(`{3,}|~{3,})/);
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    let line = raw;
    if (inComment) {
      const end = line.indexOf('-->');
      if (end < 0) continue;
      line = line.slice(end + 3);
      inComment = false;
    }
    line = line.replace(/<!--[\s\S]*?-->/g, '');
    const open = line.indexOf('<!--');
    if (open >= 0) {
      line = line.slice(0, open);
      inComment = true;
    }
    // Reference definitions and horizontal rules say nothing; setext underlines neither.
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue;
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line) || /^\s{0,3}=+\s*$/.test(line)) {
      if (/^\s{0,3}=+\s*$/.test(line) && !heading && out.length && out.at(-1)!.trim()) heading = inline(out.at(-1)!).trim();
      out.push('');
      continue;
    }
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table separator row
    const atx = line.match(/^\s{0,3}(#{1,6})\s+(.*)$/);
    if (atx) {
      const text = inline(atx[2]!.trimEnd().replace(/(^|\s)#+$/, '').trimEnd());
      if (!heading && atx[1]!.length <= 2) heading = text.trim();
      // A heading is a paragraph of its own.
      out.push('', text, '');
      continue;
    }
    line = line
      .replace(/^(\s*>)+\s?/, '') // block quotes
      .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '') // list items, task boxes
      .replace(/^\s*\|(.*)\|\s*$/, '$1'); // table rows: outer pipes
    out.push(inline(line));
  }
  const result: MarkdownResult = { text: out.join('\n'), meta };
  if (heading) result.heading = heading;
  return result;
}

// Every span is bounded, so that a pathological line (thousands of unmatched brackets or
// asterisks) costs linear time rather than quadratic.
function inline(line: string): string {
  return line
    .replace(/!\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)/g, '$1') // images: their alt text
    .replace(/\[\^[^\]\n]{1,100}\]/g, '') // footnote references
    .replace(/\[([^\]\n]{1,300})\]\((?:[^()\n]|\([^)\n]{0,300}\)){0,2000}\)/g, '$1') // [text](url "title")
    .replace(/\[([^\]\n]{1,300})\]\[[^\]\n]{0,100}\]/g, '$1') // [text][ref]
    .replace(/<((?:https?|mailto):[^>\s]{1,2000})>/g, '$1') // autolinks
    .replace(/<\/?[a-zA-Z][^<>\n]{0,500}>/g, '') // inline HTML tags
    .replace(/(`{1,3})([^`\n]{0,1000}?)\1/g, '$2') // code spans
    .replace(/(\*\*\*|___)(?=\S)([^\n]{0,500}?\S)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)([^\n]{0,500}?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]{0,500}?\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]{0,500}?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(?=\S)([^\n]{0,500}?\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1') // backslash escapes
    .replace(/ {2,}$/, ''); // hard line break marker
}

function frontMatter(yaml: string): DocumentMeta {
  const meta: DocumentMeta = {};
  const lines = yaml.split('\n');
  const value = (v: string) => v.trim().replace(/^(['"])(.*)\1$/, '$2').trim();
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i]!.match(/^([A-Za-z_][\w-]*)\s*:\s*(.*)$/);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    let v = value(m[2]!);
    // `authors:` followed by a YAML list: the first item.
    if (!v && /^\s+-\s+/.test(lines[i + 1] ?? '')) v = value(lines[i + 1]!.replace(/^\s+-\s+/, ''));
    if (v.startsWith('[')) v = value(v.replace(/^\[|\].*$/g, '').split(',')[0] ?? '');
    if (!v) continue;
    if (key === 'title' && !meta.title) meta.title = v;
    else if ((key === 'author' || key === 'authors' || key === 'byline') && !meta.author) meta.author = v;
    else if ((key === 'date' || key === 'published' || key === 'pubdate' || key === 'date_published') && !meta.published) {
      const d = dateValue(v);
      if (d) meta.published = d;
    } else if ((key === 'lang' || key === 'language' || key === 'locale') && !meta.language) meta.language = v.replace('_', '-');
    else if ((key === 'publisher' || key === 'site' || key === 'source') && !meta.publisher) meta.publisher = v;
  }
  return meta;
}
