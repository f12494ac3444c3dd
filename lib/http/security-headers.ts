/**
 * The Content-Security-Policy of a page, with this request's nonce (the pattern Next.js
 * documents for proxy.ts: Next.js reads the policy from the request and puts the nonce on
 * its own inline bootstrap scripts). Only scripts carrying the nonce run, plus what they load
 * ('strict-dynamic'): an injected <script> or inline handler does not, even if some text
 * escaped React's escaping (defence in depth against XSS; OWASP ASVS 14.4.3).
 * Styles keep 'unsafe-inline': React style attributes need it, and CSS cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // Next.js's development server evaluates code (React Refresh); production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce per response (128 bits). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Strict-Transport-Security when the public URL (NEXTAUTH_URL) is https: browsers then never
 * try plain http for this host for a year, so a network attacker cannot strip TLS on a later
 * visit (ASVS 14.4.5). Never on http: it would lock a plain-http deployment out of itself.
 */
export function strictTransportSecurity(publicUrl: string | undefined): string | null {
  return publicUrl?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}
