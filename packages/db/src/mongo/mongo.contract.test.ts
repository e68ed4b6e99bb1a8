import { afterAll, beforeAll, describe, it } from "vitest";
import { describeContract, type LaneCapabilities } from "../contract/index.js";
import { laneSkipReason, mongoLane } from "./test-env.js";
import { startLaneServer, type LaneServer } from "./test-lane.js";

/**
 * The shared contract on the MongoDB adapter. With MONGODB_URI: a real replica set, every
 * capability. Otherwise the jongodb emulator, which cannot isolate concurrent transactions or
 * rank text matches: cases needing those are reported as skipped (listed in README.md), and
 * the adapter is never changed to suit the emulator.
 *
 * `exprArithmetic` stays on for the emulator although it lacks `$expr` arithmetic: the flag
 * says whether the adapter's guards depend on it, and these never do (variants keep
 * `available` as a stored field, so every guard is a plain comparison).
 */
const capabilities: LaneCapabilities =
  mongoLane.kind === "real"
    ? { transactionIsolation: true, textScore: true, exprArithmetic: true }
    : { transactionIsolation: false, textScore: false, exprArithmetic: true };

describe.runIf(mongoLane.kind !== "absent")(`MongoDB (${mongoLane.kind})`, () => {
  let server: LaneServer | undefined;
  beforeAll(async () => {
    if (mongoLane.kind !== "absent") server = await startLaneServer(mongoLane);
  }, 60_000);
  afterAll(() => server?.stop());

  describeContract("mongodb", {
    capabilities,
    open: () => {
      if (!server) throw new Error("the MongoDB lane server did not start");
      return server.open();
    },
  });
});

// Where no lane can run, one skipped test says so and how to run it, rather than silence.
if (mongoLane.kind === "absent") {
  describe("MongoDB contract", () => {
    it.skip(laneSkipReason, () => undefined);
  });
}
