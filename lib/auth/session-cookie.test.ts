import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, test } from "vitest";
import { claimsFromSessionToken, readSessionCookie } from "./session-cookie";
import { issueSessionToken, type SessionClaims } from "./session-token";

const SECRET = "session-cookie-test-secret-0123456789abcdef";
const IDLE_SECONDS = 30 * 60;
// The refused tokens below would each log a JWT_SESSION_ERROR from the reference.
const QUIET = { error: () => undefined, warn: () => undefined, debug: () => undefined };

describe("readSessionCookie", () => {
  test("finds next-auth's cookie among others, by the name its URL scheme gives", () => {
    const jar = [
      { name: "theme", value: "dark" },
      { name: "next-auth.session-token", value: "plain" },
      { name: "__Secure-next-auth.session-token", value: "secure" },
    ];
    expect(readSessionCookie(jar, false)).toBe("plain");
    expect(readSessionCookie(jar, true)).toBe("secure");
    expect(readSessionCookie([{ name: "theme", value: "dark" }], false)).toBeNull();
  });

  test("joins a split token's chunks in index order, not cookie order", () => {
    const jar = [
      { name: "next-auth.session-token.2", value: "C" },
      { name: "next-auth.session-token.0", value: "A" },
      { name: "next-auth.session-token.10", value: "D" },
      { name: "next-auth.session-token.1", value: "B" },
      { name: "next-auth.session-token.x", value: "ignored" },
    ];
    expect(readSessionCookie(jar, false)).toBe("ABCD");
  });
});

/**
 * The reference: next-auth's getServerSession (what the app called before) with the app's
 * real options and callbacks. The fast reader must accept and refuse exactly the same tokens.
 */
describe("claimsFromSessionToken agrees with next-auth's getServerSession", () => {
  let referenceClaims: (token: string) => Promise<SessionClaims | null>;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET = SECRET;
    process.env.DATABASE_URL ??= "postgresql://unit@localhost:1/unit";
    process.env.SESSION_IDLE_MINUTES = String(IDLE_SECONDS / 60);
    const { getAuthOptions } = await import("./auth-options");
    referenceClaims = async (token) => {
      // The Pages Router form of the call the app made before (req, res, options).
      const req = { headers: {}, cookies: { "next-auth.session-token": token } };
      const res = { getHeader: () => undefined, setHeader: () => undefined, setCookie: () => undefined };
      // The server-side session check is a database question (lib/auth/user-sessions.integration.test.ts); here every session is live.
      const session = await getServerSession(req as never, res as never, {
        ...getAuthOptions(async () => true),
        logger: QUIET,
      });
      const user = session?.user as { id?: string; sessionVersion?: number; sessionId?: string } | undefined;
      return user?.id && typeof user.sessionVersion === "number" && user.sessionId
        ? { userId: user.id, sessionVersion: user.sessionVersion, sessionId: user.sessionId }
        : null;
    };
  });

  const now = Date.now();
  const issued = issueSessionToken(
    { name: "Ada", email: "ada@site.test" },
    {
      id: "0d3c6a0e-6f7b-4a53-9d55-6f3f1f2d9a10",
      sessionVersion: 4,
      sessionId: "5b1f8a52-58a4-4a43-8a8e-0a5c1b7d2e11",
    },
    now - 60_000,
  );
  const cases: [string, () => Promise<string>][] = [
    ["a fresh session", () => encode({ token: issued, secret: SECRET, maxAge: IDLE_SECONDS })],
    [
      "one idle past the limit",
      () =>
        encode({
          token: { ...issued, activeAt: now - IDLE_SECONDS * 1000 - 5_000 },
          secret: SECRET,
          maxAge: IDLE_SECONDS,
        }),
    ],
    [
      "one already marked idle",
      () => encode({ token: { ...issued, idle: true }, secret: SECRET, maxAge: IDLE_SECONDS }),
    ],
    [
      "one without a session version",
      () => encode({ token: { ...issued, sv: undefined }, secret: SECRET, maxAge: IDLE_SECONDS }),
    ],
    [
      "one past the absolute lifetime though active",
      () =>
        encode({
          token: { ...issued, signedInAt: now - 12 * 3_600_000 - 5_000 },
          secret: SECRET,
          maxAge: IDLE_SECONDS,
        }),
    ],
    [
      "one without a server-side session id",
      () => encode({ token: { ...issued, sid: undefined }, secret: SECRET, maxAge: IDLE_SECONDS }),
    ],
    ["one past its expiry", () => encode({ token: issued, secret: SECRET, maxAge: -120 })],
    [
      "one encrypted with another secret",
      () => encode({ token: issued, secret: `${SECRET}-other`, maxAge: IDLE_SECONDS }),
    ],
    [
      "a tampered one",
      async () => `${(await encode({ token: issued, secret: SECRET, maxAge: IDLE_SECONDS })).slice(0, -4)}AAAA`,
    ],
    ["garbage", async () => "not-a-token"],
  ];

  test.each(cases)("%s", async (_label, make) => {
    const token = await make();
    const fast = await claimsFromSessionToken(token, { secret: SECRET, idleSeconds: IDLE_SECONDS, nowMs: Date.now() });
    expect(fast).toEqual(await referenceClaims(token));
  });

  test("the cases cover both outcomes", async () => {
    const fresh = await claimsFromSessionToken(await cases[0]![1](), {
      secret: SECRET,
      idleSeconds: IDLE_SECONDS,
      nowMs: Date.now(),
    });
    expect(fresh).toEqual({
      userId: "0d3c6a0e-6f7b-4a53-9d55-6f3f1f2d9a10",
      sessionVersion: 4,
      sessionId: "5b1f8a52-58a4-4a43-8a8e-0a5c1b7d2e11",
    });
    const idle = await claimsFromSessionToken(await cases[1]![1](), {
      secret: SECRET,
      idleSeconds: IDLE_SECONDS,
      nowMs: Date.now(),
    });
    expect(idle).toBeNull();
  });
});
