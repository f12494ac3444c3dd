"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { deleteCrfRecord, saveCrfRecord } from "@/lib/data/crf-records";
import { openDataQuery, replyToDataQuery } from "@/lib/data/data-queries";
import { enrollPatient, recordScreenFailure } from "@/lib/data/enrollment";
import { verifyField } from "@/lib/data/field-verification";
import { markSourceVerified, setPatientLock, signCrfRecord, unsignCrfRecord } from "@/lib/data/form-review";
import { SaveCrfSchema } from "@/lib/schemas/crf";
import { OpenQuerySchema, QueryReplySchema } from "@/lib/schemas/data-query";
import { DeleteCrfSchema } from "@/lib/schemas/crf";
import {
  LockPatientSchema,
  SignCrfSchema,
  UnsignCrfSchema,
  VerifyCrfSchema,
  VerifyFieldSchema,
} from "@/lib/schemas/form-review";
import { EnrollPatientSchema, ScreenFailureSchema } from "@/lib/schemas/patient";

export const saveCrfAction = defineAction(SaveCrfSchema, async (actor, input) => {
  const record = await saveCrfRecord(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return record;
});

export const enrollPatientAction = defineAction(EnrollPatientSchema, async (actor, input) => {
  const result = await enrollPatient(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return result;
});

export const recordScreenFailureAction = defineAction(ScreenFailureSchema, async (actor, input) => {
  const result = await recordScreenFailure(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return result;
});

export const signCrfAction = defineAction(SignCrfSchema, async (actor, input) => {
  const result = await signCrfRecord(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return result;
});

export const unsignCrfAction = defineAction(UnsignCrfSchema, async (actor, input) => {
  await unsignCrfRecord(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return null;
});

export const verifyCrfAction = defineAction(VerifyCrfSchema, async (actor, input) => {
  await markSourceVerified(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return null;
});

export const verifyFieldAction = defineAction(VerifyFieldSchema, async (actor, input) => {
  await verifyField(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return null;
});

export const lockPatientAction = defineAction(LockPatientSchema, async (actor, input) => {
  await setPatientLock(actor, { ...input, locked: true });
  revalidatePath(`/patients/${input.patientId}`);
  return null;
});

export const unlockPatientAction = defineAction(LockPatientSchema, async (actor, input) => {
  await setPatientLock(actor, { ...input, locked: false });
  revalidatePath(`/patients/${input.patientId}`);
  return null;
});

export const openQueryAction = defineAction(OpenQuerySchema, async (actor, input) => {
  const result = await openDataQuery(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return result;
});

export const answerQueryAction = defineAction(QueryReplySchema, (actor, input) =>
  replyToDataQuery(actor, "answer", input),
);
export const closeQueryAction = defineAction(QueryReplySchema, (actor, input) =>
  replyToDataQuery(actor, "close", input),
);
export const reopenQueryAction = defineAction(QueryReplySchema, (actor, input) =>
  replyToDataQuery(actor, "reopen", input),
);

export const deleteCrfAction = defineAction(DeleteCrfSchema, async (actor, input) => {
  await deleteCrfRecord(actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  return null;
});
