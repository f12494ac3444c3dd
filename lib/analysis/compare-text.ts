/**
 * The order of String.prototype.localeCompare (ECMA-402 defines it as this collator's) without
 * the collator localeCompare sets up on every call: sorting 10,000 subject IDs takes
 * milliseconds instead of ~100 ms.
 */
export const compareText: (a: string, b: string) => number = new Intl.Collator().compare;
