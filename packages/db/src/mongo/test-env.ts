import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The only place the MongoDB test lanes read the environment. `MONGODB_URI` (a replica set)
 * selects the real-MongoDB lane; without it the emulator lane runs if its binary is installed.
 */
const configuredUri = process.env.MONGODB_URI?.trim();

export type MongoLane =
  | { readonly kind: "real"; readonly uri: string }
  | { readonly kind: "emulator"; readonly binary: string }
  | { readonly kind: "absent"; readonly reason: string };

function emulatorBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const manifest = require.resolve("@jongodb/memory-server-bin-linux-x64-gnu/package.json");
    const binary = path.join(path.dirname(manifest), "bin", "jongodb");
    return existsSync(binary) ? binary : null;
  } catch {
    // An optional dependency: absent on platforms it does not support (macOS, musl).
    return null;
  }
}

function chooseLane(): MongoLane {
  if (configuredUri) return { kind: "real", uri: configuredUri };
  const binary = emulatorBinary();
  if (binary) return { kind: "emulator", binary };
  return {
    kind: "absent",
    reason:
      "MongoDB lane skipped: MONGODB_URI is not set and the emulator binary (@jongodb/memory-server-bin-linux-x64-gnu, linux x64 glibc only) is not installed. " +
      "Set MONGODB_URI to a replica set to run it.",
  };
}

export const mongoLane: MongoLane = chooseLane();

/** Why the lane does not run here, for the skipped notice; empty when it runs. */
export const laneSkipReason: string = mongoLane.kind === "absent" ? mongoLane.reason : "";
