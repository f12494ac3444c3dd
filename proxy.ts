import { withAuth } from "next-auth/middleware";

/**
 * Sends signed-out visitors to /login. It never authorizes: every page, action and route
 * handler checks the caller's permissions itself through lib/data.
 */
// "/" itself is public: signed out it shows what Trialdesk is and a sign-in link.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  // API routes answer 401 themselves (withActor) instead of redirecting to a page.
  matcher: ["/((?!login|api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).+)"],
};
