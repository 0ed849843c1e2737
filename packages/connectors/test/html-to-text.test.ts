import { describe, expect, it } from 'vitest';
import { htmlToText } from '../src/html-to-text.js';

describe('htmlToText', () => {
  it('turns paragraphs into blank-line breaks and <br> into newlines', () => {
    expect(htmlToText('<p>Satu<br />dua</p><p>tiga</p>')).toBe('Satu\ndua\n\ntiga');
  });

  it('keeps the visible text of mentions, hashtags and links, whole', () => {
    const html =
      '<p><span class="h-card" translate="no"><a href="https://sim.test/@rido" class="u-url mention">@<span>rido</span></a></span> ' +
      '<a href="https://sim.test/tags/rido" class="mention hashtag" rel="tag">#<span>RIDO</span></a> ' +
      '<a href="https://example.com/berita/netralitas-asn-pemilu" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span>' +
      '<span class="ellipsis">example.com/berita/netralitas</span><span class="invisible">-asn-pemilu</span></a></p>';
    expect(htmlToText(html)).toBe('@rido #RIDO https://example.com/berita/netralitas-asn-pemilu');
  });

  it('decodes entities, named and numeric', () => {
    expect(htmlToText('<p>&lt;b&gt; &amp; &quot;kutip&quot; &#39;x&#39; &#x270C;&#xFE0F; caf&eacute;&nbsp;ok</p>')).toBe(`<b> & "kutip" 'x' ✌️ café ok`);
  });

  it('drops scripts, styles and event-handler markup entirely', () => {
    const hostile =
      '<p>halo<script>alert("xss")</script><style>p{display:none}</style>' +
      '<img src=x onerror="alert(1)"><iframe src="https://evil.example">inside</iframe> dunia</p>';
    const text = htmlToText(hostile);
    expect(text).toBe('halo dunia');
    expect(text).not.toMatch(/alert|display|onerror|evil|inside/);
  });

  it('survives broken markup: unclosed tags, stray closers, a script never closed', () => {
    expect(htmlToText('<p>satu<p>dua</b></span>')).toBe('satu\n\ndua');
    expect(htmlToText('aman<script>bahaya')).toBe('aman');
  });

  it('keeps escaped markup in the text as text, for the renderer to escape again', () => {
    expect(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('<script>alert(1)</script>');
  });
});
