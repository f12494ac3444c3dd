"use server";

import { defineAction } from "@/lib/actions/define-action";
import { recordToxicityReview } from "@/lib/data/toxicity-review";
import { ToxicityReviewSchema } from "@/lib/schemas/toxicity";

/** A coordinator (or the PI) marks a queue item reviewed or escalates it to the PI, with a comment. */
export const recordToxicityReviewAction = defineAction(ToxicityReviewSchema, recordToxicityReview);
