import { Parser } from 'htmlparser2';

/**
 * Plain text from the sanitized HTML a platform serves as post content (Mastodon's `content`).
 * Paragraphs become blank-line separated, <br> a newline; links, mentions and hashtags keep their
 * visible text (Mastodon's "invisible" URL parts included, so links come out whole); entities are
 * decoded. Nothing of <script>, <style> or other non-content elements survives, and attributes
 * (onerror=..., href) are never read. The result is still untrusted text: render it escaped.
 */
const blockElements = new Set(['p', 'div', 'blockquote', 'pre', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const droppedElements = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title']);

export function htmlToText(html: string): string {
  const parts: string[] = [];
  let dropDepth = 0;
  const breakBlock = () => parts.push('\n\n');
  const parser = new Parser(
    {
      onopentag(name) {
        if (droppedElements.has(name)) dropDepth++;
        else if (dropDepth > 0) return;
        else if (name === 'br') parts.push('\n');
        else if (blockElements.has(name)) breakBlock();
      },
      onclosetag(name, isImplied) {
        if (droppedElements.has(name)) dropDepth = Math.max(0, dropDepth - 1);
        else if (dropDepth === 0 && blockElements.has(name) && !isImplied) breakBlock();
      },
      ontext(text) {
        if (dropDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tidy(parts.join(''));
}

/** Collapses the breaks blocks leave around themselves: at most one blank line, none at the ends. */
function tidy(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
