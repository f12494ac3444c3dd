/**
 * CTCAE v5.0 (NCI, 27 November 2017): laboratory grading and the adverse-event term list.
 * Pure functions, no I/O; see each module for the cited criteria.
 */
export { gradeLabValue, type LabGradeResult, type LabValueInput } from "./grade-lab-value";
export { LAB_CRITERIA, LAB_TESTS, type LabCriteria, type LabGrade, type LabTest } from "./lab-criteria";
export { NORMALIZED_UNIT, listAcceptedUnits, type LabUnitFamily } from "./lab-units";
export { getAeTerm, getAllowedGrades, gradeDescription, isGradeAllowed, listAeTerms, searchAeTerms } from "./ae-terms";
export { AE_GRADES, SOC, type AeGrade, type AeTerm, type CtcaeSoc } from "./ae-term-types";
export { ctcaeCalcCommands } from "./calc-commands";
