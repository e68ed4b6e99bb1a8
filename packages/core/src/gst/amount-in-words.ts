/**
 * An amount in words as Indian invoices print it ("Rupees One Lakh Twenty Thousand and Fifty Paise
 * Only"): the Indian grouping (thousand, lakh, crore), so the words match the figures a shopper
 * and an accountant read in the ₹1,20,000.50 form (formatMoney). Pure: integer minor units in, text out.
 */

const ONES = ["", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"] as const;
const TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"] as const;

/** 1–99 in words ("Forty-Two"); 0 is the empty string so callers can skip empty groups. */
function belowHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const unit = n % 10;
  return unit === 0 ? TENS[Math.floor(n / 10)]! : `${TENS[Math.floor(n / 10)]}-${ONES[unit]}`;
}

/** 1–999 in words ("Three Hundred Five"). */
function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = belowHundred(n % 100);
  if (hundreds === 0) return rest;
  return rest === "" ? `${ONES[hundreds]} Hundred` : `${ONES[hundreds]} Hundred ${rest}`;
}

/**
 * A whole number in Indian words: groups of crore, lakh, thousand and the last three digits.
 * Above 99 crore the crore count is itself spelt in Indian words ("One Hundred Crore",
 * "One Lakh Crore"), which is how such figures are read aloud in India.
 */
export function indianNumberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`indianNumberInWords: ${n} is not a non-negative safe integer`);
  if (n === 0) return "Zero";
  const crore = Math.floor(n / 10_000_000);
  const lakh = Math.floor((n % 10_000_000) / 100_000);
  const thousand = Math.floor((n % 100_000) / 1000);
  const rest = n % 1000;
  const parts = [
    crore > 0 ? `${indianNumberInWords(crore)} Crore` : "",
    lakh > 0 ? `${belowHundred(lakh)} Lakh` : "",
    thousand > 0 ? `${belowHundred(thousand)} Thousand` : "",
    belowThousand(rest),
  ];
  return parts.filter((part) => part !== "").join(" ");
}

/**
 * Rupees and paise in words for an invoice's "amount in words" line. Negative amounts (a credit
 * note's figures are printed positive, but a caller may pass a signed one) read "Minus …".
 */
export function rupeesInWords(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`rupeesInWords: ${minor} is not a safe integer`);
  const abs = Math.abs(minor);
  const rupees = Math.floor(abs / 100);
  const paise = abs % 100;
  const sign = minor < 0 ? "Minus " : "";
  if (paise === 0) return `${sign}Rupees ${indianNumberInWords(rupees)} Only`;
  if (rupees === 0) return `${sign}${indianNumberInWords(paise)} Paise Only`;
  return `${sign}Rupees ${indianNumberInWords(rupees)} and ${indianNumberInWords(paise)} Paise Only`;
}

