/**
 * Whether a state-changing request comes from a page of this app: its Origin header names
 * the host the request was sent to. Used for server actions (lib/../proxy.ts): Next.js
 * refuses a foreign Origin itself, but with a 500, and accepts a request with no Origin at
 * all; browsers send Origin on every POST, so a missing one is no browser of ours. "null"
 * (sandboxed frames, file: pages, some redirects) is never this app.
 */
export function isSameOriginRequest(headers: { get(name: string): string | null }): boolean {
  const origin = headers.get("origin");
  // Next.js compares with X-Forwarded-Host first (set by the reverse proxy in front of it).
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!origin || origin === "null" || !host) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && url.host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** The body of the 403 (the API's error shape: lib/http/with-actor.ts). */
export const CROSS_ORIGIN_ERROR = { error: "This request did not come from a page of this application." } as const;
