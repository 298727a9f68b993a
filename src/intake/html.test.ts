// HTML: the article and nothing else, and the metadata the page states about itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from './index.ts';

const html = (source: string) => readDocument(new TextEncoder().encode(source), { mediaType: 'text/html' });
const ARTICLE = 'Activist Bakyt Osmonov was moved to a colony in Naryn on 5 April 2023, his lawyer said. He had been held in Bishkek since 2021 and has a heart condition.';

describe('HTML main content', () => {
  it('keeps the blog article and drops navigation, sharing, likes, related posts, comments, footer and cookie banner', async () => {
    const doc = await readDocument(readFileSync(new URL('../../test/fixtures/intake/blog.html', import.meta.url)), { filename: 'blog.html' });
    expect(doc).toMatchObject({
      format: 'html', mediaType: 'text/html', encoding: 'UTF-8',
      title: 'Family of jailed teacher fears for his health', author: 'Saule Omarova', publisher: 'Steppe Watch',
      published: '2023-11-08', language: 'en-GB',
    });
    const paragraphs = doc.text.split('\n\n');
    expect(paragraphs[0]).toBe('Family of jailed teacher fears for his health');
    expect(paragraphs[1]).toMatch(/^The family of Yerlan Dzhaksybekov, a history teacher held in pre-trial detention in Shymkent since 2 October 2023/);
    expect(paragraphs.at(-1)).toMatch(/whether to extend his detention by two more months\.$/);
    expect(paragraphs).toHaveLength(5);
    for (const debris of ['Share this', 'Like this', 'Loading', 'Twitter', 'Facebook', 'Related', 'Samat Ibraimov', 'Leave a Reply', 'Cancel reply',
      'Post Comment', 'Blog at', 'WordPress', 'Up ↑', 'cookies', 'Close and accept', 'Skip to content', 'Home', 'Recent Posts', 'Taraz',
      'Previous post', 'Student activist', 'Posted in', 'Tagged']) {
      expect(doc.text, debris).not.toContain(debris);
    }
  });

  it('drops the same debris when the page marks none of it with classes', async () => {
    const doc = await html(`<html><head><title>Prisoner moved to Naryn</title></head><body>
      <h1>Prisoner moved to Naryn</h1><p>${ARTICLE}</p><p>${ARTICLE.replace('Naryn', 'the north')}</p><p>${ARTICLE.replace('heart', 'lung')}</p>
      <p>Share this:</p><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul>
      <p>Like this:</p><p>Like Loading...</p>
      <h3>Related</h3><p>Court sentences Samat Ibraimov</p>
      <h3>Leave a Reply</h3><p>Blog at WordPress.com.</p><p>Up ↑</p>
      <div>We use cookies to improve your experience. By continuing to browse this site you accept our cookie policy.</div>
    </body></html>`);
    expect(doc.text.split('\n\n')).toHaveLength(4);
    expect(doc.text).toMatch(/^Prisoner moved to Naryn\n\nActivist Bakyt Osmonov/);
    expect(doc.text).not.toMatch(/Share|Like|Samat|Reply|Blog at|Up ↑|cookie/);
  });

  it('reads malformed HTML and fragments without throwing', async () => {
    const broken = await html('<html><body><div><p>Unclosed <b>bold <i>text</div></span></p><p>Ali Karimov & his lawyer < 3 > 2</body');
    expect(broken.text).toBe('Unclosed bold text\n\nAli Karimov & his lawyer < 3 > 2');
    const fragment = await html('<p>Ali Karimov was <b>arrested</b> on 3&nbsp;May 2021.</p><ul><li>first</li><li>second</li></ul>');
    expect(fragment.text).toBe('Ali Karimov was arrested on 3 May 2021.\n\nfirst\nsecond');
    await expect(html('<html><head><title></title><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav></body></html>')).rejects.toMatchObject({ code: 'empty' });
  });

  it('takes metadata from JSON-LD, <time datetime> and a byline in the article', async () => {
    const jsonLd = await html(`<html lang="ru"><head><title>Page</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
        {"@type":"NewsArticle","headline":"Blogger detained","datePublished":"2024-03-02T23:10:00-05:00","author":[{"@type":"Person","name":"Dina Karimova"}],"publisher":{"@type":"Organization","name":"Eurasia Monitor"}}]}</script>
      <script type="application/ld+json">{ broken json</script></head><body><article><p>${ARTICLE}</p></article></body></html>`);
    // The day as written where it was published, not shifted to UTC.
    expect(jsonLd).toMatchObject({ title: 'Blogger detained', author: 'Dina Karimova', publisher: 'Eurasia Monitor', published: '2024-03-02', language: 'ru' });

    const time = await html(`<html><body><article><h1>Blogger detained</h1><p class="byline">By Jane Doe</p><time datetime="2022-05">May 2022</time><p>${ARTICLE}</p></article></body></html>`);
    expect(time).toMatchObject({ title: 'Blogger detained', author: 'Jane Doe', published: '2022-05' });
  });
});
