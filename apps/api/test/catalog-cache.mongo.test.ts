import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { laneSkipReason, mongoLane, startLaneServer, type LaneServer } from "@bbscart/db/mongo-test-lane";
import { afterAll, beforeAll, describe, it } from "vitest";
import { cacheThroughOrders } from "./catalog-cache-orders.js";
import { startApp, type RunningApp } from "./harness.js";

/** Short, so the suite waits little for an admin's edit to reach the cache (the default is 1 s). */
const REFRESH_MS = 50;

/**
 * The catalog answer cache on MongoDB (decision 105): the catalog version is a counter document read
 * again at most every REFRESH_MS, and availability is checked on each hit from the variants' stock.
 */
describe.runIf(mongoLane.kind !== "absent")(`the catalog answer cache while shoppers buy (MongoDB, ${mongoLane.kind})`, () => {
  let server: LaneServer;
  let dataDir: string;
  const context = {
    app: undefined as unknown as RunningApp,
    // Two refresh intervals with a read started in each: a committed catalog write is then in the version.
    settle: async () => {
      for (let i = 0; i < 2; i++) {
        context.app.db.catalogVersion?.current();
        await sleep(REFRESH_MS * 2);
      }
    },
  };
  beforeAll(async () => {
    if (mongoLane.kind === "absent") return;
    server = await startLaneServer(mongoLane);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-api-mongo-cache-"));
    const db = await server.open({ catalogVersionRefreshMs: REFRESH_MS });
    context.app = await startApp({ dataDir, db, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
  }, 60_000);
  afterAll(async () => {
    await context.app?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  cacheThroughOrders(context);
});

if (mongoLane.kind === "absent") {
  describe("the catalog answer cache on MongoDB", () => {
    it.skip(laneSkipReason, () => undefined);
  });
}
