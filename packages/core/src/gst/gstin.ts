import { INDIAN_STATES } from "../account/india.js";
import { err, ok, type Result } from "../result.js";

/**
 * Why a GSTIN is refused, one reason per part of the number, so a form can say which part is wrong:
 * `length` (not 15 characters), `state` (the first two digits are no GST state code), `pan` (characters
 * 3–12 are not shaped AAAAA9999A), `entity` (character 13 is not 1–9 or A–Z), `z` (character 14 is
 * not "Z"), `check` (character 15 is not the check character of the first 14).
 */
export const GSTIN_PROBLEMS = ["length", "state", "pan", "entity", "z", "check"] as const;
export type GstinProblem = (typeof GSTIN_PROBLEMS)[number];

export interface GstinError {
  readonly code: "INVALID_GSTIN";
  readonly problem: GstinProblem;
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const STATE_GST_CODES = new Set<string>(INDIAN_STATES.map((s) => s.gst));

/**
 * The check character GSTN appends to the first 14 characters: each character's value (0–9, A=10 …
 * Z=35) times a factor alternating 1, 2 from the left; each product contributes its base-36 digits'
 * sum (product / 36 + product % 36); the check value is (36 − sum mod 36) mod 36.
 */
export function gstinCheckCharacter(first14: string): string {
  let total = 0;
  for (let i = 0; i < 14; i++) {
    const value = ALPHABET.indexOf(first14.charAt(i));
    if (value < 0) throw new RangeError(`gstinCheckCharacter: ${JSON.stringify(first14)} is not 14 of 0-9 A-Z`);
    const product = value * (i % 2 === 0 ? 1 : 2);
    total += Math.floor(product / 36) + (product % 36);
  }
  return ALPHABET.charAt((36 - (total % 36)) % 36);
}

/**
 * A GSTIN as typed (spaces and lower case forgiven) checked part by part in reading order, so the
 * first problem found is the one reported. The result is the normalised upper-case number.
 */
export function parseGstin(input: string): Result<string, GstinError> {
  const gstin = input.replace(/\s+/g, "").toUpperCase();
  const refuse = (problem: GstinProblem) => err({ code: "INVALID_GSTIN" as const, problem });
  if (gstin.length !== 15) return refuse("length");
  if (!STATE_GST_CODES.has(gstin.slice(0, 2))) return refuse("state");
  if (!/^[A-Z]{5}[0-9]{4}[A-Z]$/.test(gstin.slice(2, 12))) return refuse("pan");
  if (!/^[1-9A-Z]$/.test(gstin.charAt(12))) return refuse("entity");
  if (gstin.charAt(13) !== "Z") return refuse("z");
  if (gstinCheckCharacter(gstin.slice(0, 14)) !== gstin.charAt(14)) return refuse("check");
  return ok(gstin);
}

/** The two-digit state code a (valid) GSTIN opens with: where its holder is registered. */
export const gstinStateCode = (gstin: string) => gstin.slice(0, 2);
