import mongoose, { type Connection } from "mongoose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@bbscart/core";
import { describeContract, type LaneCapabilities } from "../contract/index.js";
import { bsonSchemaViolations } from "./bson-schema-check.js";
import { registerModels } from "./models/index.js";
import { collectionValidators } from "./validators.js";
import { laneSkipReason, mongoLane } from "./test-env.js";
import { startLaneServer, type LaneServer } from "./test-lane.js";

/**
 * The shared contract on the MongoDB adapter. With MONGODB_URI: a real replica set, every
 * capability. Otherwise the jongodb emulator, whose gaps are measured (packages/db/README.md lists the
 * cases they skip); the adapter is never changed to suit it:
 *
 * - `transactionIsolation`: two transactions doing the same guarded `$inc` both match and
 *   both commit (a lost update), and two inserting the same `_id` fail at commit with an
 *   unlabelled WriteConflict the driver does not retry. Real MongoDB reports the conflict at
 *   the write as a TransientTransactionError, and `withTransaction` retries.
 * - `aggregationExpressions`: `$dateToString`, `$cond`, `$map` and `$regexMatch` inside
 *   `$group` and `$addFields`, and a `$group` `_id` object of field paths (`{ code: "$couponCode" }`), come back as literal objects, unevaluated; the `$max` accumulator is refused outright.
 * - `arrayPull`: the emulator answers "unsupported update operator: $pull".
 *
 * `exprArithmetic` stays on although the emulator lacks `$expr` arithmetic: the flag says
 * whether the adapter's guards depend on it, and these never do (variants keep `available`
 * as a stored field, so every guard is a plain comparison).
 */
const capabilities: LaneCapabilities =
  mongoLane.kind === "real"
    ? { transactionIsolation: true, aggregationExpressions: true, exprArithmetic: true, arrayPull: true }
    : { transactionIsolation: false, aggregationExpressions: false, exprArithmetic: true, arrayPull: false };

const validators = collectionValidators(registerModels(mongoose.createConnection()));

describe.runIf(mongoLane.kind !== "absent")(`MongoDB (${mongoLane.kind})`, () => {
  let server: LaneServer | undefined;
  let raw: Connection | undefined;
  let current: DatabaseHandle | undefined;
  beforeAll(async () => {
    if (mongoLane.kind !== "absent") server = await startLaneServer(mongoLane);
  }, 60_000);
  afterAll(async () => {
    await raw?.close();
    await server?.stop();
  });

  // Every document a case left behind must pass its collection's validator (ADR 084): the emulator
  // enforces none, so this is where its lane proves the adapter writes only what a real MongoDB with
  // the validators accepts. Runs after the case's own cleanup closed the handle.
  afterEach(async () => {
    if (!server || !current) return;
    raw ??= await server.connectRaw(current);
    const database = raw.getClient().db(server.databaseOf(current));
    current = undefined;
    const stored = await Promise.all(
      Object.entries(validators).map(async ([collection, { $jsonSchema }]) => ({ collection, $jsonSchema, docs: await database.collection(collection).find({}, { promoteValues: false }).toArray() })),
    );
    for (const { collection, $jsonSchema, docs } of stored) {
      for (const doc of docs) expect(bsonSchemaViolations($jsonSchema, doc), `${collection} ${String(doc._id)}`).toEqual([]);
    }
  });

  describeContract("mongodb", {
    capabilities,
    open: async () => {
      if (!server) throw new Error("the MongoDB lane server did not start");
      // Catalog versions read again on every call, so the catalog-version cases see a write within a round trip.
      current = await server.open({ catalogVersionRefreshMs: 0 });
      return current;
    },
  });
});

// Where no lane can run, one skipped test says so and how to run it, rather than silence.
if (mongoLane.kind === "absent") {
  describe("MongoDB contract", () => {
    it.skip(laneSkipReason, () => undefined);
  });
}
