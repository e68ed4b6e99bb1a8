import { searchWords } from "./search-words.js";

/** Lower-cased, accents removed: how keys and terms are compared ("José" → "jose"). */
const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** A phone as its digits only, so "+91 98765-43210" and "919876543210" are one number. */
const digits = (text: string) => text.replace(/\D/g, "");

/** What a phone number typed in looks like: digits with the usual punctuation and spaces. */
const PHONE_LIKE = /^[+\d()\-.\s]*\d[+\d()\-.\s]*$/;

/**
 * The keys the admin's user search matches, stored beside each user on both engines (ADR 083): the
 * email folded whole, the phone as digits, and each word of the name. A term matches a user when it
 * begins one of the keys, so every search is an index range scan over keys instead of a scan of
 * every user with a pattern.
 */
export function userSearchKeys(user: { readonly email: string; readonly name: string; readonly phone: string | null }): string[] {
  const keys = [fold(user.email), ...searchWords(user.name)];
  const phone = user.phone === null ? "" : digits(user.phone);
  if (phone) keys.push(phone);
  return [...new Set(keys)];
}

/**
 * The terms of an admin's search: a search that looks like a phone number ("+91 98765-43210") is
 * one term, its digits; any other is split on whitespace, each word folded like the keys. A user
 * matches when every term begins one of their keys.
 */
export function userSearchTerms(search: string | null): string[] {
  const trimmed = search?.trim() ?? "";
  if (!trimmed) return [];
  if (PHONE_LIKE.test(trimmed)) return [digits(trimmed)];
  return [...new Set(trimmed.split(/\s+/).map(fold))];
}
