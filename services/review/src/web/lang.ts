import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLang, type Lang } from './i18n.js';

const LANG_COOKIE = 'netra_lang';

/** The page language: `?lang=` if given (and remembered), else the remembered one, else Indonesian. */
export function langOf(request: FastifyRequest): Lang {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(asked)) return asked;
  const remembered = request.cookies?.[LANG_COOKIE];
  return isLang(remembered) ? remembered : 'id';
}

/** Remembers a language chosen with `?lang=` for the following pages. */
export function rememberLang(request: FastifyRequest, reply: FastifyReply): void {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(asked)) reply.setCookie(LANG_COOKIE, asked, { path: '/', sameSite: 'strict', httpOnly: true, maxAge: 365 * 86_400 });
}
