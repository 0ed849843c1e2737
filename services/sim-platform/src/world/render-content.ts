/**
 * Renders a status's plain text the way Mastodon's formatter does: paragraphs in <p>, line
 * breaks as <br />, links, mentions and hashtags as anchors, everything else HTML-escaped. The
 * connector under test must turn this back into text, so the markup follows Mastodon's closely
 * (including the invisible/ellipsis spans of long links).
 */
export interface RenderedContent {
  html: string;
  /** Usernames of the local accounts mentioned, in order of first appearance. */
  mentions: string[];
  /** Hashtags as written (without '#'), in order of first appearance. */
  tags: string[];
}

export interface RenderContext {
  domain: string;
  /** Returns the canonical username when the mention names a local account; unknown mentions stay text. */
  resolveUsername(username: string): string | undefined;
}

// Mastodon links a hashtag only if it contains a letter: "#01" stays text, "#Pemilu2024" is a tag.
const tokenPattern =
  /(?<url>https?:\/\/[^\s<>"]*[^\s<>".,;:!?)'"])|(?<![\w/@])@(?<mention>[a-z0-9_]+(?:[a-z0-9_.-]*[a-z0-9_])?)|(?<![\w/)&])#(?<tag>[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/giu;

const longLinkDisplay = 30;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderContent(text: string, context: RenderContext): RenderedContent {
  const mentions: string[] = [];
  const tags: string[] = [];
  const renderInline = (line: string): string => {
    let html = '';
    let last = 0;
    for (const match of line.matchAll(tokenPattern)) {
      const groups = match.groups ?? {};
      const rendered = groups.url
        ? renderLink(groups.url)
        : groups.mention
          ? renderMention(groups.mention, context, mentions)
          : renderTag(groups.tag!, context, tags);
      if (rendered === undefined) continue;
      html += escapeHtml(line.slice(last, match.index)) + rendered;
      last = match.index + match[0].length;
    }
    return html + escapeHtml(line.slice(last));
  };
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.length > 0);
  const html = paragraphs.map((p) => `<p>${p.split('\n').map(renderInline).join('<br />')}</p>`).join('');
  return { html, mentions, tags };
}

function renderLink(url: string): string {
  const scheme = /^https?:\/\/(www\.)?/i.exec(url)![0];
  const rest = url.slice(scheme.length);
  const shown = rest.length > longLinkDisplay ? rest.slice(0, longLinkDisplay) : rest;
  const hidden = rest.slice(shown.length);
  const shownClass = hidden ? 'ellipsis' : '';
  return (
    `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escapeHtml(scheme)}</span><span class="${shownClass}">${escapeHtml(shown)}</span>` +
    `<span class="invisible">${escapeHtml(hidden)}</span></a>`
  );
}

function renderMention(written: string, context: RenderContext, mentions: string[]): string | undefined {
  const username = context.resolveUsername(written);
  if (!username) return undefined;
  if (!mentions.includes(username)) mentions.push(username);
  const href = `https://${context.domain}/@${username}`;
  return `<span class="h-card" translate="no"><a href="${escapeHtml(href)}" class="u-url mention">@<span>${escapeHtml(username)}</span></a></span>`;
}

function renderTag(tag: string, context: RenderContext, tags: string[]): string {
  if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  const href = `https://${context.domain}/tags/${encodeURIComponent(tag.toLowerCase())}`;
  return `<a href="${escapeHtml(href)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(tag)}</span></a>`;
}
