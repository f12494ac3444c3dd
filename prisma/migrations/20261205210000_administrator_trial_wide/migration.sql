-- The Administrator role is trial-wide (lib/auth/permissions.ts TRIAL_WIDE_ROLES): no new
-- site-scoped ADMIN assignment can be stored. NOT VALID on purpose: an existing one is not
-- deleted behind anyone's back (that would be an unaudited change to who may do what); it
-- already grants nothing (lib/auth/actor.ts) and the user's page marks it for removal, which
-- an administrator then does with a reason, audited.
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_admin_is_trial_wide"
  CHECK ("role" <> 'ADMIN' OR "site_id" IS NULL) NOT VALID;
