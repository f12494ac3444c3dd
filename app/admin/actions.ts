"use server";

import { defineWriteAction } from "@/lib/actions/define-write-action";
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

export const createUserAction = defineWriteAction(CreateUserSchema, createUser, () => "/admin/users");

export const assignRoleAction = defineWriteAction(
  AssignRoleSchema,
  assignRole,
  (input) => `/admin/users/${input.userId}`,
);

export const removeRoleAction = defineWriteAction(
  RemoveRoleSchema,
  removeRole,
  (input) => `/admin/users/${input.userId}`,
);

export const setUserActiveAction = defineWriteAction(
  SetUserActiveSchema,
  setUserActive,
  (input) => `/admin/users/${input.userId}`,
);

export const createSiteAction = defineWriteAction(SiteSchema, createSite, () => "/admin/sites");

export const updateStudySettingsAction = defineWriteAction(
  UpdateStudySettingsSchema,
  async (actor, input) => ({ version: (await updateStudySettings(actor, input)).version }),
  () => "/admin/study",
);

export const updateStoppingRulesAction = defineWriteAction(
  UpdateStoppingRulesSchema,
  async (actor, input) => ({ version: (await updateStoppingRules(actor, input)).version }),
  () => "/admin/study",
);

export const updatePregnancyPreventionAction = defineWriteAction(
  UpdatePregnancyPreventionSchema,
  async (actor, input) => ({ version: (await updatePregnancyPreventionRules(actor, input)).version }),
  () => "/admin/pregnancy-prevention",
);

export const updateDoseModificationAction = defineWriteAction(
  UpdateDoseModificationSchema,
  async (actor, input) => ({ version: (await updateDoseModificationTable(actor, input)).version }),
  () => "/admin/dose-modification",
);

export const unlockAccountAction = defineWriteAction(
  UnlockAccountSchema,
  unlockAccount,
  (input) => `/admin/users/${input.userId}`,
);

export const updateSiteAction = defineWriteAction(UpdateSiteSchema, updateSite, () => "/admin/sites");

export const addLabRangeAction = defineWriteAction(LabRangeSchema, addLabReferenceRange, () => "/admin/lab-ranges");

export const withdrawLabRangeAction = defineWriteAction(
  WithdrawLabRangeSchema,
  withdrawLabReferenceRange,
  () => "/admin/lab-ranges",
);
