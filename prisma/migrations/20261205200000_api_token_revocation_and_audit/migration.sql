-- A token is bound to its user's session version at minting: a password change, "sign out
-- everywhere" or deactivation raises that version and so ends every token too, and a
-- re-activation (which never lowers it) does not bring them back.
ALTER TABLE "api_tokens" ADD COLUMN "session_version" INTEGER;
UPDATE "api_tokens" t SET "session_version" = u."session_version" FROM "users" u WHERE u."id" = t."user_id";
ALTER TABLE "api_tokens" ALTER COLUMN "session_version" SET NOT NULL;

-- A change made through an API token names the token as well as its user.
ALTER TABLE "audit_events" ADD COLUMN "api_token_id" UUID;
ALTER TABLE "audit_events" ADD COLUMN "api_token_name" VARCHAR(100);
