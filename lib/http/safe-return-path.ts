/**
 * Where to go after sign-in, given an untrusted ?callbackUrl=. Accepted only when, resolved
 * against the app's own origin the way a browser would, it stays on that origin; anything
 * else goes to the home page. Prefix checks on the raw string are not enough: browsers read
 * "/\evil.example" as "//evil.example" and drop tabs and newlines ("/\t/evil.example"), so
 * the string is parsed with the WHATWG URL parser, and the parsed path (never the raw
 * string) is returned. A path that normalizes to "//host" ("/.//evil.example") is refused
 * as well: navigating to it would be protocol-relative. (OWASP ASVS 5.1.5.)
 */
export function safeReturnPath(candidate: string | null | undefined, origin: string): string {
  if (!candidate) return "/";
  let url: URL;
  let own: URL;
  try {
    own = new URL(origin);
    url = new URL(candidate, own);
  } catch {
    return "/";
  }
  if (url.origin !== own.origin || url.pathname.startsWith("//") || url.pathname.startsWith("/\\")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
