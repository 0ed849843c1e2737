import { describe, expect, it } from 'vitest';
import { renderContent } from '../src/world/render-content.js';

const context = {
  domain: 'sim.test',
  resolveUsername: (name: string) => (['budi', 'rido_jakarta'].includes(name.toLowerCase()) ? name.toLowerCase() : undefined),
};

describe('renderContent', () => {
  it('renders paragraphs and line breaks as Mastodon does', () => {
    expect(renderContent('satu\ndua\n\ntiga', context).html).toBe('<p>satu<br />dua</p><p>tiga</p>');
  });

  it('escapes text from the world so it cannot become markup', () => {
    const { html } = renderContent(`<script>alert("x")</script> & 'kutip'`, context);
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;kutip&#39;</p>');
  });

  it('links known mentions as h-cards and leaves unknown ones as text', () => {
    const { html, mentions } = renderContent('halo @rido_jakarta dan @entahsiapa', context);
    expect(html).toBe(
      '<p>halo <span class="h-card" translate="no"><a href="https://sim.test/@rido_jakarta" class="u-url mention">@<span>rido_jakarta</span></a></span> dan @entahsiapa</p>',
    );
    expect(mentions).toEqual(['rido_jakarta']);
  });

  it('links hashtags with a letter, but not bare numbers like #01', () => {
    const { html, tags } = renderContent('#AMIN menang, #01!', context);
    expect(html).toBe('<p><a href="https://sim.test/tags/amin" class="mention hashtag" rel="tag">#<span>AMIN</span></a> menang, #01!</p>');
    expect(tags).toEqual(['AMIN']);
  });

  it('splits long links into visible, ellipsis and invisible spans', () => {
    const { html } = renderContent('baca https://www.example.com/berita/netralitas-asn-pemilu-2024 ya.', context);
    expect(html).toBe(
      '<p>baca <a href="https://www.example.com/berita/netralitas-asn-pemilu-2024" target="_blank" rel="nofollow noopener" translate="no">' +
        '<span class="invisible">https://www.</span><span class="ellipsis">example.com/berita/netralitas-</span>' +
        '<span class="invisible">asn-pemilu-2024</span></a> ya.</p>',
    );
  });
});
