import type { RefusalCode } from "../services/common/index.js";
import type { Meta } from "../trpc/init.js";

/**
 * How a procedure behaves under /api/v1 beyond being called, declared beside its path so the flag
 * travels with the procedure. The adapter (routes.ts) and the document (document.ts) both read it.
 */
export interface RestBehaviour {
  /**
   * Answer 201 with a Location naming what was created: a path under /api/v1 whose `{field}`
   * placeholders are filled from the answer, e.g. `/orders/{orderId}`.
   */
  created?: string;
  /** ETag on the body and 304 on a matching If-None-Match (public reads that change rarely). */
  cached?: true;
  /** A cursor page: a `Link: <…>; rel="next"` header while `nextCursor` is set. */
  paginated?: true;
  /** Public, yet refuses bad credentials with a 401 (sign-in and refresh). */
  refusesCredentials?: true;
  /** The idempotency key travels in the `Idempotency-Key` header instead of the body. */
  idempotencyHeader?: true;
  /**
   * The refusals (codes of `services/common/refusals.ts`) the procedure's services can answer with:
   * the document declares each one's status and problem `type` from that table.
   */
  refuses?: readonly RefusalCode[];
  /**
   * The answer is a file of this type, not JSON: the procedure returns `{ filename, base64 }` (what
   * tRPC clients get) and the adapter sends the decoded bytes as an attachment instead.
   */
  file?: "application/pdf";
}

export type RestOptions = NonNullable<Meta["openapi"]> & RestBehaviour;

/**
 * Exposes a procedure under /api/v1. tRPC merges `.meta()` calls, so the `access` rule set by the
 * builder the procedure starts from (publicProcedure, authedProcedure, adminProcedure) stays as it
 * was; the cast only tells TypeScript so (test/rbac.test.ts checks every procedure still has it).
 * Set `protect: false` on public operations: the document then asks for no bearer token.
 * The behaviour flags are kept apart from `openapi`, which the document generator reads as is.
 */
export function rest({ created, cached, paginated, refusesCredentials, idempotencyHeader, refuses, file, ...openapi }: RestOptions): Meta {
  const behaviour: RestBehaviour = { created, cached, paginated, refusesCredentials, idempotencyHeader, refuses, file };
  // `rest` is not in Meta's type: only this module writes it and restBehaviour() reads it back.
  return { openapi, rest: behaviour } as Partial<Meta> as Meta;
}

/** The behaviour `rest()` recorded in a procedure's meta; none for a procedure without it. */
export function restBehaviour(meta: unknown): RestBehaviour {
  return (meta as { rest?: RestBehaviour } | undefined)?.rest ?? {};
}

/** The Location of what a `created` operation made: its template filled from the answer. */
export function locationOf(template: string, data: unknown): string {
  return template.replace(/\{(\w+)\}/g, (_match, field: string) => encodeURIComponent(String((data as Record<string, unknown>)[field])));
}
