"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { loadRequestActor } from "@/lib/auth/get-actor";
import { clearSessionCookies } from "@/lib/auth/session";
import { changePassword, signOutEverywhere } from "@/lib/data/account";
import { isExpectedError, ValidationError } from "@/lib/errors";

export interface ActionFailure {
  ok: false;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
}

/** Bumps the session version (every session ends), audits, and signs this browser out. */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await loadRequestActor();
  if (!actor) redirect("/login");
  await signOutEverywhere(actor);
  await clearSessionCookies();
  redirect("/login?signedOut=everywhere");
}

/**
 * On success every session ends, this one too: the user signs in again with the new
 * password, which also proves it works. On failure, field errors keyed by field name.
 */
export async function changePasswordAction(input: unknown): Promise<ActionFailure> {
  const actor = await loadRequestActor();
  if (!actor) redirect("/login?callbackUrl=/account/password");
  try {
    await changePassword(actor, input);
  } catch (error) {
    if (error instanceof ValidationError)
      return { ok: false, formError: error.message, fieldErrors: error.fieldErrors };
    if (isExpectedError(error)) return { ok: false, formError: error.message };
    // The error is logged with an id the user can quote; the input (passwords) never is.
    const id = randomUUID();
    console.error(`changePasswordAction failed (${id})`, error instanceof Error ? error.stack : error);
    return { ok: false, formError: `Something went wrong (reference ${id}).` };
  }
  await clearSessionCookies();
  redirect("/login?passwordChanged=1");
}
