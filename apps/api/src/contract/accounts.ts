import { ADMIN_PERMISSIONS, ROLES } from "@bbscart/core";
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
  .meta({ id: "Address" });

export const accountOutput = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    role: z.enum(ROLES),
    permissions: z.array(permissionOutput),
    addresses: z.array(addressOutput),
    totpEnabled: z.boolean(),
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
