/**
 * The client's address for per-address throttling, or null when it cannot be known.
 *
 * Next.js behind no proxy passes a client-sent X-Forwarded-For through unchanged (it only
 * fills the header when absent), so the header proves nothing and is ignored unless the
 * operator says how many trusted proxies append to it (TRUST_PROXY). Each trusted proxy
 * appends the address it saw, so the entry `trustedHops` from the right is the first one no
 * client could forge; entries to its left are whatever the client claimed.
 */
export function clientAddressFrom(headers: Record<string, unknown> | undefined, trustedHops: number): string | null {
  if (trustedHops < 1 || !headers) return null;
  const raw = headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : typeof raw === "string" ? raw : "";
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = entries[entries.length - trustedHops];
  // An address, not free text: it becomes part of a database key and an audit reason.
  return address && /^[0-9a-fA-F:.]{2,45}$/.test(address) ? address : null;
}
