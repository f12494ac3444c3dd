import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent } from "next/server";
import { CROSS_ORIGIN_ERROR, isSameOriginRequest } from "@/lib/http/same-origin";

/**
 * Sends signed-out visitors to /login. It never authorizes: every page, action and route
 * handler checks the caller's permissions itself through lib/data. It also answers a server
 * action from another origin (or none) with a clear 403, before Next.js would answer 500.
 */
// "/" itself is public: signed out it shows what Trialdesk is and a sign-in link.
const requireSignIn = withAuth({ pages: { signIn: "/login" } });

// The pages that need a session (the first matcher below; the second only brings server actions here).
const SIGNED_IN_PAGES = /^\/(?!login|api\/|_next\/static|_next\/image|favicon\.ico|robots\.txt).+/;

export default function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  if (request.method === "POST" && request.headers.has("next-action") && !isSameOriginRequest(request.headers)) {
    return NextResponse.json(CROSS_ORIGIN_ERROR, { status: 403 });
  }
  if (!SIGNED_IN_PAGES.test(request.nextUrl.pathname)) return NextResponse.next();
  return requireSignIn(request, event);
}

export const config = {
  matcher: [
    // API routes answer 401 themselves (withActor) instead of redirecting to a page.
    "/((?!login|api/|_next/static|_next/image|favicon.ico|robots.txt).+)",
    // Every server action, wherever posted (the home page and /login included).
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
