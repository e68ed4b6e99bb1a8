import type { RouterOutputs } from "./trpc";

type Engine = RouterOutputs["system"]["info"]["engine"];

const labels: Record<Engine, string> = {
  sqlite: "SQLite (embedded)",
  mongodb: "MongoDB",
};

/** How the footer names the database the shop runs on. */
export function engineLabel(engine: Engine): string {
  return labels[engine];
}
