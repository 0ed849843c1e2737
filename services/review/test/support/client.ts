import type { LightMyRequestResponse } from 'fastify';
import type { ReviewApp } from '../../src/index.js';
import { PASSWORD } from '@netra/testing';

/** A signed-in API client over app.inject: carries the session cookie and the CSRF header. */
export interface ApiClient {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export async function signIn(app: ReviewApp, email: string, password = PASSWORD): Promise<ApiClient> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies[0];
  if (!setCookie) throw new Error('sign-in set no cookie');
  const cookie = `${setCookie.name}=${setCookie.value}`;
  const csrf = (response.json() as { csrf_token: string }).csrf_token;
  return {
    cookie,
    csrf,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, body = {}) => app.inject({ method: 'POST', url, headers: { cookie, 'x-netra-csrf': csrf }, payload: body as object }),
  };
}
