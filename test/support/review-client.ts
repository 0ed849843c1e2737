/**
 * A reviewer's HTTP session against the review API: signs in, then sends the session cookie and
 * CSRF token with every request, as the workspace's own pages do.
 */
export async function signIn(baseUrl: string, email: string, password: string) {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrf_token: csrfToken } = (await response.json()) as { csrf_token: string };
  const headers = { cookie, 'x-netra-csrf': csrfToken };
  return {
    get: (path: string) => fetch(`${baseUrl}${path}`, { headers }),
    post: (path: string, body: unknown) =>
      fetch(`${baseUrl}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  };
}
