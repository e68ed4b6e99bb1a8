import { ADDRESS_FIXES, ADMIN_PERMISSIONS, ROLES } from "@bbscart/core";
import { z } from "zod";
import { at } from "./shared.js";

export const permissionOutput = z.enum(ADMIN_PERMISSIONS);

export const addressOutput = z
  .object({
    id: z.string(),
    label: z.string().nullable(),
    name: z.string(),
    phone: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    state: z.string(),
    postalCode: z.string(),
    country: z.string(),
  })
  .meta({ id: "Address", description: "`state` is a code from the list of states and union territories (addresses saved before the list may hold free text)." });

/** An address of the account's book: what it needs fixed before an order can go there (ADR 140). */
export const savedAddressOutput = addressOutput
  .extend({
    fixes: z.array(z.enum(ADDRESS_FIXES)).meta({
      description: "What an address saved before the PIN code and state rules needs fixed before an order can go there (`state`, `postalCode`, `phone`); empty when deliverable.",
    }),
  })
  .meta({ id: "SavedAddress" });

export const accountOutput = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    role: z.enum(ROLES),
    permissions: z.array(permissionOutput),
    addresses: z.array(savedAddressOutput).meta({ description: "The saved addresses, the default first." }),
    totpEnabled: z.boolean(),
    recoveryCodesLeft: z.number().int().meta({ description: "Unused recovery codes of the account's second factor (0 without one)." }),
    createdAt: at("When the account was created."),
  })
  .meta({ id: "Account" });

export const sessionOutput = z
  .object({
    account: accountOutput,
    accessToken: z.string().meta({ description: "Send as `Authorization: Bearer <token>`." }),
    expiresIn: z.number().int().meta({ description: "Seconds until the access token expires." }),
    refreshToken: z
      .string()
      .optional()
      .meta({ description: "REST only: trade it at POST /api/v1/auth/refresh before it expires; each use rotates it. The web keeps it in a cookie." }),
  })
  .meta({ id: "Session" });

export const signInChallengeOutput = z
  .object({
    challenge: z
      .object({
        token: z.string().meta({ description: "Send it with a code to POST /api/v1/auth/login/complete. It works for nothing else." }),
        expiresIn: z.number().int().meta({ description: "Seconds until the challenge expires and the password must be given again." }),
      })
      .meta({ description: "The account has a second factor: the sign-in completes with its current code or a recovery code." }),
  })
  .meta({ id: "SignInChallenge" });

/** A sign-in's first step: a session, or (an account with a second factor) a challenge to complete with a code. */
export const signInOutput = z.union([sessionOutput, signInChallengeOutput]);

export const recoveryCodesOutput = z
  .object({ recoveryCodes: z.array(z.string()).meta({ description: "Shown once: only their hashes are kept." }) })
  .meta({ id: "RecoveryCodes" });

/** Enrolment confirmed: the sign-in continues on a new session (every other one ended), with the recovery codes to show once. */
export const enrolledOutput = sessionOutput.extend({ recoveryCodes: recoveryCodesOutput.shape.recoveryCodes });
