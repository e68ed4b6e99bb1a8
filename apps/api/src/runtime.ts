import { randomUUID } from "node:crypto";
import type { Clock, IdGenerator } from "@bbscart/core";

/** The real clock; tests pass their own. */
export const systemClock: Clock = { now: () => new Date() };

/** Random UUIDs: unguessable, so an id in a URL reveals nothing about other records. */
export const randomIds: IdGenerator = { next: () => randomUUID() };
