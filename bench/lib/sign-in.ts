/**
 * Signs in through next-auth's real credentials endpoint (CSRF token, then the callback),
 * exactly as the login page does, and returns the Cookie header of the session.
 */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiePairs(csrf.headers.getSetCookie());
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiePairs(response.headers.getSetCookie()).filter((pair) =>
    /^(__Secure-)?next-auth\.session-token/.test(pair),
  );
  if (!session.length) throw new Error(`Sign-in of ${email} failed (HTTP ${response.status})`);
  return session.join("; ");
}

/** Whether a sign-in attempt was accepted (for throttling checks), without throwing. */
export async function trySignIn(
  baseUrl: string,
  email: string,
  password: string,
): Promise<{ ok: boolean; error: string | null }> {
  try {
    await signInOverHttp(baseUrl, email, password);
    return { ok: true, error: null };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function cookiePairs(setCookies: string[]): string[] {
  return setCookies.map((c) => c.split(";")[0]!).filter((pair) => !pair.endsWith("="));
}
