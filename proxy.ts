import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent } from "next/server";
import { CROSS_ORIGIN_ERROR, isSameOriginRequest } from "@/lib/http/same-origin";
import { contentSecurityPolicy, createNonce, strictTransportSecurity } from "@/lib/http/security-headers";

/**
 * Runs before every page and API route. It never authorizes (every page, action and route
 * handler checks the caller's permissions itself through lib/data); it
 * - answers a server action from another origin (or none) with a clear 403, before Next.js
 *   would answer 500;
 * - gives each page a Content-Security-Policy with a fresh script nonce (Next.js puts the
 *   nonce on its own scripts), and HSTS when the public URL is https;
 * - sends signed-out visitors of pages other than "/" and /login to /login (not server
 *   actions: they answer for themselves).
 */
const requireSignIn = withAuth({ pages: { signIn: "/login" } });

// "/" itself is public: signed out it shows what Trialdesk is and a sign-in link.
const SIGNED_IN_PAGES = /^\/(?!login(?:\/|$)|api\/).+/;

export default async function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  const serverAction = request.method === "POST" && request.headers.has("next-action");
  if (serverAction && !isSameOriginRequest(request.headers)) {
    return NextResponse.json(CROSS_ORIGIN_ERROR, { status: 403 });
  }
  const hsts = strictTransportSecurity(process.env.NEXTAUTH_URL);
  const path = request.nextUrl.pathname;
  // API routes answer 401 themselves (withActor) instead of redirecting, and render no HTML.
  if (path.startsWith("/api/")) return withHsts(NextResponse.next(), hsts);

  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  // A server action answers "not signed in" itself (lib/actions/define-action), so a form whose
  // session ended keeps its entries and asks for the password in place; a redirect would lose them.
  if (SIGNED_IN_PAGES.test(path) && !serverAction) {
    const redirect = await requireSignIn(request, event);
    if (redirect) return withHsts(withPolicy(redirect, policy), hsts);
  }
  // Next.js reads the policy from the request to find the nonce for its inline scripts.
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  return withHsts(withPolicy(NextResponse.next({ request: { headers } }), policy), hsts);
}

function withPolicy(response: Response, policy: string): Response {
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function withHsts(response: Response, hsts: string | null): Response {
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  // Everything but static files (server actions included, wherever posted).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
