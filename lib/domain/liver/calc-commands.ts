import { z } from "zod";
import { CalcInputError, defineCalcCommand, type CalcCommand } from "../calc-command";
import { computeBclcStage, LIVER_FUNCTIONS } from "./bclc";
import {
  ASCITES_VALUES,
  CHILD_PUGH_CLASSES,
  ENCEPHALOPATHY_VALUES,
  computeChildPugh,
  convertAlbuminGPerLToGPerDl,
  convertBilirubinUmolPerLToMgPerDl,
  type ChildPughInput,
} from "./child-pugh";
import { TUMOUR_MORPHOLOGIES, computeClipScore } from "./clip";
import { describeEcogPs, validateEcogPs } from "./ecog";

// Schemas check types and shape; clinical plausibility ranges live in the library (CalcInputError).
const num = (field: string, unit: string) =>
  z.number({ error: `${field} must be a number${unit ? ` (${unit})` : ""}` });
const oneOf = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of ${values.join(", ")}` });
const flag = (field: string) => z.boolean({ error: `${field} must be true or false` });

const childPughFields = z
  .object({
    bilirubinMgPerDl: num("bilirubinMgPerDl", "mg/dL").optional(),
    bilirubinUmolPerL: num("bilirubinUmolPerL", "umol/L").optional(),
    albuminGPerDl: num("albuminGPerDl", "g/dL").optional(),
    albuminGPerL: num("albuminGPerL", "g/L").optional(),
    inr: num("inr", ""),
    ascites: oneOf("ascites", ASCITES_VALUES),
    encephalopathy: oneOf("encephalopathy", ENCEPHALOPATHY_VALUES),
  })
  .strict()
  .refine((input) => (input.bilirubinMgPerDl === undefined) !== (input.bilirubinUmolPerL === undefined), {
    error: "give exactly one of bilirubinMgPerDl or bilirubinUmolPerL",
    path: ["bilirubinMgPerDl"],
  })
  .refine((input) => (input.albuminGPerDl === undefined) !== (input.albuminGPerL === undefined), {
    error: "give exactly one of albuminGPerDl or albuminGPerL",
    path: ["albuminGPerDl"],
  });

/** Converts the CLI's either-unit fields to the library's conventional units. */
function toChildPughInput(input: z.infer<typeof childPughFields>): ChildPughInput {
  return {
    bilirubinMgPerDl:
      input.bilirubinMgPerDl ?? convertBilirubinUmolPerLToMgPerDl(input.bilirubinUmolPerL ?? Number.NaN),
    albuminGPerDl: input.albuminGPerDl ?? convertAlbuminGPerLToGPerDl(input.albuminGPerL ?? Number.NaN),
    inr: input.inr,
    ascites: input.ascites,
    encephalopathy: input.encephalopathy,
  };
}

const clipInput = z
  .object({
    childPughClass: oneOf("childPughClass", CHILD_PUGH_CLASSES).optional(),
    childPugh: childPughFields.optional(),
    tumourMorphology: oneOf("tumourMorphology", TUMOUR_MORPHOLOGIES),
    tumourExtentOver50Pct: flag("tumourExtentOver50Pct"),
    afpNgPerMl: num("afpNgPerMl", "ng/mL"),
    portalVeinThrombosis: flag("portalVeinThrombosis"),
  })
  .strict()
  .refine((input) => (input.childPughClass === undefined) !== (input.childPugh === undefined), {
    error: "give exactly one of childPughClass or childPugh (the child-pugh fields)",
    path: ["childPughClass"],
  });

const bclcInput = z
  .object({
    ecogPs: num("ecogPs", "0-4"),
    liverFunction: oneOf("liverFunction", LIVER_FUNCTIONS).optional(),
    childPughClass: oneOf("childPughClass", CHILD_PUGH_CLASSES).optional(),
    noduleCount: num("noduleCount", "nodules"),
    largestNoduleCm: num("largestNoduleCm", "cm"),
    portalInvasion: flag("portalInvasion"),
    extrahepaticSpread: flag("extrahepaticSpread"),
  })
  .strict()
  .refine((input) => input.liverFunction !== undefined || input.childPughClass !== undefined, {
    error: "give liverFunction or childPughClass",
    path: ["liverFunction"],
  });

/** Calculators of the liver area, for `npm run calc -- <name>`. */
export const liverCalcCommands: Record<string, CalcCommand> = {
  "child-pugh": defineCalcCommand({
    summary: "Child-Pugh score (5-15) and class A/B/C from bilirubin, albumin, INR, ascites, encephalopathy",
    input: childPughFields,
    run: (input) => {
      const converted = toChildPughInput(input);
      return {
        ...computeChildPugh(converted),
        bilirubinMgPerDl: converted.bilirubinMgPerDl,
        albuminGPerDl: converted.albuminGPerDl,
      };
    },
  }),
  clip: defineCalcCommand({
    summary: "CLIP score (0-6) from Child-Pugh, tumour morphology/extent, AFP and portal vein thrombosis",
    input: clipInput,
    run: (input) => {
      const childPugh = input.childPugh ? computeChildPugh(toChildPughInput(input.childPugh)) : undefined;
      const childPughClass = childPugh?.class ?? input.childPughClass;
      if (childPughClass === undefined) throw new CalcInputError("give childPughClass or childPugh", "childPughClass");
      return { ...computeClipScore({ ...input, childPughClass }), childPughClass, ...(childPugh ? { childPugh } : {}) };
    },
  }),
  bclc: defineCalcCommand({
    summary: "BCLC stage (0/A/B/C/D, 2022 update) and the rule that decided it",
    input: bclcInput,
    run: (input) => computeBclcStage(input),
  }),
  ecog: defineCalcCommand({
    summary: "Validates an ECOG performance status (0-5) and returns its Oken 1982 description",
    input: z.object({ ecogPs: num("ecogPs", "0-5") }).strict(),
    run: (input) => {
      const ecogPs = validateEcogPs(input.ecogPs);
      return { ecogPs, description: describeEcogPs(ecogPs) };
    },
  }),
};
