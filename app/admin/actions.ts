"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import {
  assignRole,
  createSite,
  createUser,
  removeRole,
  setUserActive,
  unlockAccount,
  updateSite,
} from "@/lib/data/admin";
import { addLabReferenceRange, withdrawLabReferenceRange } from "@/lib/data/lab-reference-ranges";
import { updateDoseModificationTable } from "@/lib/data/dose-modification-settings";
import { updatePregnancyPreventionRules } from "@/lib/data/pregnancy-prevention-settings";
import { updateStoppingRules } from "@/lib/data/stopping-rules-settings";
import { updateStudySettings } from "@/lib/data/study-settings";
import { LabRangeSchema, WithdrawLabRangeSchema } from "@/lib/schemas/lab-reference-ranges";
import { UpdateDoseModificationSchema, UpdatePregnancyPreventionSchema } from "@/lib/schemas/safety-settings";
import { UpdateStoppingRulesSchema } from "@/lib/schemas/stopping-rules";
import { UpdateStudySettingsSchema } from "@/lib/schemas/study-settings";
import {
  AssignRoleSchema,
  CreateUserSchema,
  RemoveRoleSchema,
  SetUserActiveSchema,
  SiteSchema,
  UnlockAccountSchema,
  UpdateSiteSchema,
} from "@/lib/schemas/admin";

export const createUserAction = defineAction(CreateUserSchema, async (actor, input) => {
  const result = await createUser(actor, input);
  revalidatePath("/admin/users");
  return result;
});

export const assignRoleAction = defineAction(AssignRoleSchema, async (actor, input) => {
  await assignRole(actor, input);
  revalidatePath(`/admin/users/${input.userId}`);
  return null;
});

export const removeRoleAction = defineAction(RemoveRoleSchema, async (actor, input) => {
  await removeRole(actor, input);
  revalidatePath(`/admin/users/${input.userId}`);
  return null;
});

export const setUserActiveAction = defineAction(SetUserActiveSchema, async (actor, input) => {
  await setUserActive(actor, input);
  revalidatePath(`/admin/users/${input.userId}`);
  return null;
});

export const createSiteAction = defineAction(SiteSchema, async (actor, input) => {
  const result = await createSite(actor, input);
  revalidatePath("/admin/sites");
  return result;
});

export const updateStudySettingsAction = defineAction(UpdateStudySettingsSchema, async (actor, input) => {
  const result = await updateStudySettings(actor, input);
  revalidatePath("/admin/study");
  return { version: result.version };
});

export const updateStoppingRulesAction = defineAction(UpdateStoppingRulesSchema, async (actor, input) => {
  const result = await updateStoppingRules(actor, input);
  revalidatePath("/admin/study");
  return { version: result.version };
});

export const updatePregnancyPreventionAction = defineAction(UpdatePregnancyPreventionSchema, async (actor, input) => {
  const result = await updatePregnancyPreventionRules(actor, input);
  revalidatePath("/admin/pregnancy-prevention");
  return { version: result.version };
});

export const updateDoseModificationAction = defineAction(UpdateDoseModificationSchema, async (actor, input) => {
  const result = await updateDoseModificationTable(actor, input);
  revalidatePath("/admin/dose-modification");
  return { version: result.version };
});

export const unlockAccountAction = defineAction(UnlockAccountSchema, async (actor, input) => {
  await unlockAccount(actor, input);
  revalidatePath(`/admin/users/${input.userId}`);
  return null;
});

export const updateSiteAction = defineAction(UpdateSiteSchema, async (actor, input) => {
  const result = await updateSite(actor, input);
  revalidatePath("/admin/sites");
  return result;
});

export const addLabRangeAction = defineAction(LabRangeSchema, async (actor, input) => {
  const result = await addLabReferenceRange(actor, input);
  revalidatePath("/admin/lab-ranges");
  return result;
});

export const withdrawLabRangeAction = defineAction(WithdrawLabRangeSchema, async (actor, input) => {
  await withdrawLabReferenceRange(actor, input);
  revalidatePath("/admin/lab-ranges");
  return null;
});
