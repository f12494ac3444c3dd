/**
 * Roles held for the whole trial only, never at a site. Administration (accounts, sites,
 * study settings) has no meaningful site boundary: an administrator who can create users can
 * give anyone any role, so "an administrator of TW01" would be a promise the app cannot keep.
 * A site-scoped assignment of such a role grants nothing (lib/auth/actor.ts), the database
 * refuses new ones, and lib/data/admin.ts refuses them with a field error.
 */
export const TRIAL_WIDE_ROLES = ["ADMIN"] as const;

export function isTrialWideRole(role: string): boolean {
  return (TRIAL_WIDE_ROLES as readonly string[]).includes(role);
}
