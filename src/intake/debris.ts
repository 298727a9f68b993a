// What blog and news pages carry besides the article, as lines of text: sharing and like
// buttons, comment forms, "Blog at …", cookie banners, "Up ↑". A page's text loses such lines
// anywhere and everything from the line that opens the end-of-page furniture ("Share this:",
// "Leave a Reply", "Related"…) on. A plain text copied from such a page only loses its tail, so that
// offsets into the rest stay as they were.


const DEBRIS_LINES: RegExp[] = [
  /^(share|like|follow|tweet|email|print|pin|save)( (this|us|it|on))?( ?:)?$/i,
  /^(like|liked by)( loading)?(\.{1,3}|…)?$/i,
  /^loading(\.{1,3}|…)?$/i,
  /^(facebook|twitter|x|linkedin|reddit|whatsapp|telegram|e-?mail|print|pinterest|tumblr|pocket|more|mastodon|bluesky|threads|vk|copy link)$/i,
  /^(click to|share on|opens? in (a )?new window|\(opens in new window\))/i,
  /^(blog at|powered by|proudly powered by|website powered by|theme:?|theme by|designed by|create a (free )?website|start a blog at)\b.{0,100}$/i,
  /^(up ?↑|↑|back to top|scroll to top|top ↑|skip to (main )?content)$/i,
  /^(privacy|cookie)s? (policy|settings|preferences|notice)$/i,
  /^(accept|reject|accept all|reject all|allow all|deny|manage (cookies|preferences|options|consent)|got it|ok|close|dismiss|agree|i agree)!?$/i,
  /^(subscribe|sign up|sign me up|follow blog via email|enter your email|join \d+ other (subscribers|followers)).{0,100}$/i,
  /^(tags?|categories|category|filed under|posted in|tagged)\s*:.{0,200}$/i,
  /^(previous|next|older|newer) (post|article|story|entry|posts|articles|stories|entries)\b.{0,120}$/i,
  /^[«←‹]?\s*(previous|next|older|newer)\s*[»→›]?$/i,
  /^(post navigation|related|related posts|related articles|related stories|you may also like|read more|more from .{1,60}|recommended( for you)?|similar posts|more stories|popular posts|recent posts|archives)$/i,
  /^(\d+ )?(comments?|responses?|replies|thoughts? on .{0,200})$/i,
  /^(leave a (reply|comment)|cancel reply|post comment|add comment|comment\*?|name\*?|email\*?|website|notify me of .*|save my name.*|fill in your details below.*|you are commenting using.*|log in( to reply)?|log out|reply|report this content|view full site|customize|manage subscriptions)$/i,
  /^(advertisement|advertisements|sponsored( content)?|promoted)$/i,
  /^(%d|\d+) bloggers? likes? this:?$/i,
  /^connecting to %s$/i,
  /^(twitter|facebook|google|wordpress\.com) (picture|photo|account)$/i,
  /^you are commenting using your .{0,40}account\..{0,40}$/i,
];

// A paragraph that opens the end-of-page furniture: everything from it on goes.
const TAIL_START = /^(share this:?|like this:?|related|related posts|related articles|post navigation|leave a (reply|comment)|\d+ (comments?|responses?|thoughts? on .{0,200})|one (response|comment|thought) (to|on) .{0,200}|comments|you may also like)$/i;

function isCookieBanner(p: string): boolean {
  return p.length < 500 && /\bcookies?\b/i.test(p) && /\b(this (web)?site|we use|uses|accept|consent|agree|continuing|policy|preferences)\b/i.test(p);
}

/** A page's text without the furniture lines, cut where the end-of-page furniture starts. */
export function dropDebris(text: string): string {
  const out: string[] = [];
  let position = 0;
  let keptAny = false;
  blocks: for (const block of text.split(/\n{2,}/)) {
    const lines: string[] = [];
    for (const line of block.split('\n')) {
      position += line.length + 1;
      const p = line.trim();
      if (!p) continue;
      if (TAIL_START.test(p) && keptAny && position > text.length * 0.4) {
        if (lines.length) out.push(lines.join('\n'));
        break blocks;
      }
      if (DEBRIS_LINES.some((re) => re.test(p)) || isCookieBanner(p)) continue;
      lines.push(p);
      keptAny = true;
    }
    if (lines.length) out.push(lines.join('\n'));
  }
  return out.join('\n\n');
}

/** Plain text copied from a web page: everything from the end-of-page furniture on, and trailing furniture lines. */
export function dropDebrisTail(text: string): string {
  const lines = text.split('\n');
  let kept = lines.length;
  let position = 0;
  let content = false;
  for (let i = 0; i < lines.length; i++) {
    const p = lines[i]!.trim();
    position += lines[i]!.length + 1;
    if (p && TAIL_START.test(p) && content && position > text.length * 0.4) {
      kept = i;
      break;
    }
    if (p) content = true;
  }
  while (kept > 0) {
    const p = lines[kept - 1]!.trim();
    if (p && !DEBRIS_LINES.some((re) => re.test(p)) && !isCookieBanner(p)) break;
    kept--;
  }
  // A text that is nothing but such lines is left alone: it is not a copied page.
  return kept === lines.length || kept === 0 ? text : lines.slice(0, kept).join('\n').trimEnd();
}
