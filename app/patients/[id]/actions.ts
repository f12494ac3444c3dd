"use server";

import { defineAction } from "@/lib/actions/define-action";
import { definePatientAction } from "@/lib/actions/define-write-action";
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

export const saveCrfAction = definePatientAction(SaveCrfSchema, saveCrfRecord);

export const enrollPatientAction = definePatientAction(EnrollPatientSchema, enrollPatient);

export const recordScreenFailureAction = definePatientAction(ScreenFailureSchema, recordScreenFailure);

export const signCrfAction = definePatientAction(SignCrfSchema, signCrfRecord);

export const unsignCrfAction = definePatientAction(UnsignCrfSchema, unsignCrfRecord);

export const verifyCrfAction = definePatientAction(VerifyCrfSchema, markSourceVerified);

export const verifyFieldAction = definePatientAction(VerifyFieldSchema, verifyField);

export const lockPatientAction = definePatientAction(LockPatientSchema, (actor, input) =>
  setPatientLock(actor, { ...input, locked: true }),
);

export const unlockPatientAction = definePatientAction(LockPatientSchema, (actor, input) =>
  setPatientLock(actor, { ...input, locked: false }),
);

export const openQueryAction = definePatientAction(OpenQuerySchema, openDataQuery);

export const answerQueryAction = defineAction(QueryReplySchema, (actor, input) =>
  replyToDataQuery(actor, "answer", input),
);
export const closeQueryAction = defineAction(QueryReplySchema, (actor, input) =>
  replyToDataQuery(actor, "close", input),
);
export const reopenQueryAction = defineAction(QueryReplySchema, (actor, input) =>
  replyToDataQuery(actor, "reopen", input),
);

export const deleteCrfAction = definePatientAction(DeleteCrfSchema, deleteCrfRecord);
