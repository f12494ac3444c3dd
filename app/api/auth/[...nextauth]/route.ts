import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Built per request so configuration is read at run time, not at build time.
const handler: Handler = (request, context) => (NextAuth(getAuthOptions()) as Handler)(request, context);

export { handler as GET, handler as POST };
