/**
 * Indian address rules: the states and union territories a shopper picks from (with the GST state
 * code tax needs for the place of supply), the PIN code shape and mobile numbers as E.164. Pure
 * data and functions, shared by the API's schemas, the adapters' migrations and the web's forms.
 */

/**
 * The 28 states and 8 union territories, by GST state code (CBIC's list since 26 January 2020,
 * when Dadra and Nagar Haveli and Daman and Diu merged under 26; Ladakh is 38, Andhra Pradesh 37).
 * `code` is the short code an address stores; `gst` the two-digit code that opens a GSTIN.
 * Code 97 ("Other Territory", offshore supplies) is left out: no parcel is delivered there (ADR 140).
 */
export const INDIAN_STATES = [
  { code: "JK", name: "Jammu and Kashmir", gst: "01" },
  { code: "HP", name: "Himachal Pradesh", gst: "02" },
  { code: "PB", name: "Punjab", gst: "03" },
  { code: "CH", name: "Chandigarh", gst: "04" },
  { code: "UK", name: "Uttarakhand", gst: "05" },
  { code: "HR", name: "Haryana", gst: "06" },
  { code: "DL", name: "Delhi", gst: "07" },
  { code: "RJ", name: "Rajasthan", gst: "08" },
  { code: "UP", name: "Uttar Pradesh", gst: "09" },
  { code: "BR", name: "Bihar", gst: "10" },
  { code: "SK", name: "Sikkim", gst: "11" },
  { code: "AR", name: "Arunachal Pradesh", gst: "12" },
  { code: "NL", name: "Nagaland", gst: "13" },
  { code: "MN", name: "Manipur", gst: "14" },
  { code: "MZ", name: "Mizoram", gst: "15" },
  { code: "TR", name: "Tripura", gst: "16" },
  { code: "ML", name: "Meghalaya", gst: "17" },
  { code: "AS", name: "Assam", gst: "18" },
  { code: "WB", name: "West Bengal", gst: "19" },
  { code: "JH", name: "Jharkhand", gst: "20" },
  { code: "OD", name: "Odisha", gst: "21" },
  { code: "CG", name: "Chhattisgarh", gst: "22" },
  { code: "MP", name: "Madhya Pradesh", gst: "23" },
  { code: "GJ", name: "Gujarat", gst: "24" },
  { code: "DH", name: "Dadra and Nagar Haveli and Daman and Diu", gst: "26" },
  { code: "MH", name: "Maharashtra", gst: "27" },
  { code: "KA", name: "Karnataka", gst: "29" },
  { code: "GA", name: "Goa", gst: "30" },
  { code: "LD", name: "Lakshadweep", gst: "31" },
  { code: "KL", name: "Kerala", gst: "32" },
  { code: "TN", name: "Tamil Nadu", gst: "33" },
  { code: "PY", name: "Puducherry", gst: "34" },
  { code: "AN", name: "Andaman and Nicobar Islands", gst: "35" },
  { code: "TS", name: "Telangana", gst: "36" },
  { code: "AP", name: "Andhra Pradesh", gst: "37" },
  { code: "LA", name: "Ladakh", gst: "38" },
] as const;

export type IndianState = (typeof INDIAN_STATES)[number];
export type StateCode = IndianState["code"];

/** The codes alone, for `z.enum` and the REST document. */
export const STATE_CODES = INDIAN_STATES.map((s) => s.code) as [StateCode, ...StateCode[]];

/** The parts of a saved address a shopper must fix before it can be delivered to. */
export const ADDRESS_FIXES = ["state", "postalCode", "phone"] as const;
export type AddressFix = (typeof ADDRESS_FIXES)[number];

/** How a form labels each part to fix, so a refusal names it in the shopper's words. */
export const ADDRESS_FIX_LABELS: Readonly<Record<AddressFix, string>> = { state: "State", postalCode: "PIN code", phone: "Mobile number" };

const byCode = new Map<string, IndianState>(INDIAN_STATES.map((s) => [s.code, s]));

/** Lower-case letters only, "&" read as "and": "Jammu & Kashmir" and "jammu and kashmir" meet. */
const key = (text: string) => text.toLowerCase().replace(/&/g, "and").replace(/[^a-z]/g, "");

/** Names people still write for a state: former names and the long forms of Delhi. */
const FORMER_NAMES: Readonly<Record<string, StateCode>> = {
  orissa: "OD",
  pondicherry: "PY",
  uttaranchal: "UK",
  newdelhi: "DL",
  nctofdelhi: "DL",
  nationalcapitalterritoryofdelhi: "DL",
  damananddiu: "DH",
  dadraandnagarhaveli: "DH",
  andamanandnicobar: "AN",
};

const byName = new Map<string, StateCode>([...INDIAN_STATES.map((s) => [key(s.name), s.code] as const), ...Object.entries(FORMER_NAMES)]);

export function stateByCode(code: string): IndianState | null {
  return byCode.get(code) ?? null;
}

/**
 * The code a stored state means: a code itself ("ka" too), a name in any case or spacing, or a
 * former name ("Orissa"). Null when it names nothing on the list; the address keeps its text.
 */
export function stateCodeFor(text: string): StateCode | null {
  const trimmed = text.trim();
  return byCode.get(trimmed.toUpperCase())?.code ?? byName.get(key(trimmed)) ?? null;
}

/** An Indian PIN code: six digits, the first 1–9 (the postal region; no PIN begins with 0). */
export const PIN_CODE = /^[1-9][0-9]{5}$/;

export const isPinCode = (value: string) => PIN_CODE.test(value);

/**
 * A phone number as E.164. An Indian mobile number may come as "+91 98765 43210",
 * "098765 43210", "91 9876543210" or "9876543210" (10 digits, first 6–9); each becomes
 * "+919876543210". Another country's number needs its "+" and country code. Null when neither.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s().-]/g, "");
  if (!/^\+?[0-9]+$/.test(compact)) return null;
  if (compact.startsWith("+") && !compact.startsWith("+91")) return /^\+[1-9][0-9]{7,14}$/.test(compact) ? compact : null;
  const national = compact.replace(/^\+91/, "").replace(/^(?:91(?=[0-9]{10}$)|0(?=[0-9]{10}$))/, "");
  return /^[6-9][0-9]{9}$/.test(national) ? `+91${national}` : null;
}

/**
 * What a saved address needs fixed before an order can go there: addresses saved before these
 * rules may hold a 4-digit PIN or a state that names nothing on the list (ADR 140). Empty when
 * deliverable; checkout preselects only such an address.
 */
export function addressFixes(address: { readonly state: string; readonly postalCode: string; readonly phone: string; readonly country: string }): AddressFix[] {
  if (address.country !== "IN") return [];
  const fixes: AddressFix[] = [];
  if (!stateByCode(address.state)) fixes.push("state");
  if (!isPinCode(address.postalCode)) fixes.push("postalCode");
  if (!normalizePhone(address.phone)) fixes.push("phone");
  return fixes;
}
