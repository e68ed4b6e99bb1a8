import type { Meta } from "../trpc/init.js";

/**
 * Exposes a procedure under /api/v1. tRPC merges `.meta()` calls, so the `access` rule set by the
 * builder the procedure starts from (publicProcedure, authedProcedure, adminProcedure) stays as it
 * was; the cast only tells TypeScript so (test/rbac.test.ts checks every procedure still has it).
 * Set `protect: false` on public operations: the document then asks for no bearer token.
 */
export function rest(openapi: NonNullable<Meta["openapi"]>): Meta {
  return { openapi } as Meta;
}
