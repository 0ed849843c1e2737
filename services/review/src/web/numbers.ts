import type { Lang } from './i18n.js';

/** Numbers as each language writes them: 4,30 and 75,0% in Indonesian, 4.30 and 75.0% in English. */
const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

function formatFor(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], options);
    formats.set(key, format);
  }
  return format;
}

/** A decimal with `digits` places (at least `minimum`, by default as many). */
export function decimal(lang: Lang, value: number, digits = 2, minimum = digits): string {
  return formatFor(lang, { minimumFractionDigits: minimum, maximumFractionDigits: digits }).format(value);
}

/** A share 0–1 as a percentage to one place. */
export function percentage(lang: Lang, rate: number): string {
  return formatFor(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

/** A count, grouped by thousands; a suppressed count ("<5") as it is. */
export function count(lang: Lang, value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'number' ? formatFor(lang, {}).format(value) : value;
}
