"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

// Matches the session's updateAge (lib/auth/auth-options.ts): at most one renewal a minute.
const RENEW_EVERY_MS = 60_000;

/**
 * Makes the idle timeout measure the user's inactivity. Pages read the session in server
 * components, which cannot set cookies, so the session cookie would otherwise expire
 * SESSION_IDLE_MINUTES after sign-in however active the user is. Navigating, typing or
 * clicking renews it through next-auth's own session endpoint (which re-issues the cookie
 * and applies the idle rule); a session that has already expired is not revived, since the
 * browser dropped the expired cookie.
 */
export function SessionKeepAlive() {
  const pathname = usePathname();
  const lastRenewal = useRef(0);

  useEffect(() => {
    const renew = () => {
      const now = Date.now();
      if (now - lastRenewal.current < RENEW_EVERY_MS) return;
      lastRenewal.current = now;
      void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => undefined);
    };
    renew();
    window.addEventListener("keydown", renew);
    window.addEventListener("pointerdown", renew);
    return () => {
      window.removeEventListener("keydown", renew);
      window.removeEventListener("pointerdown", renew);
    };
  }, [pathname]);

  return null;
}
