import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { openDatabase } from "@bbscart/db";
import { createApp } from "../src/http/app.js";
import { createLogger } from "../src/logger.js";
import { connectRedis } from "../src/redis.js";
import { createServices } from "../src/services/index.js";

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/**
 * The real Express app on a real port, with a real SQLite file and a real Redis client — what
 * server.ts assembles, minus process signals — so tests speak HTTP to it like any client.
 */
export async function startApp(options: { dataDir: string; redisUrl: string; webDistDir?: string }): Promise<RunningApp> {
  const log = createLogger({ LOG_LEVEL: "silent" }, "api");
  const db = await openDatabase({ dataDir: options.dataDir });
  const redis = await connectRedis({ REDIS_URL: options.redisUrl }, log, { failFast: true });
  const app = createApp({
    log,
    services: createServices({ db, version: "0.0.0-test" }),
    readiness: { database: () => db.ping(), redis: async () => void (await redis.ping()) },
    readinessTimeoutMs: 500,
    webDistDir: options.webDistDir,
  });
  const server: Server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      redis.disconnect();
      await db.close();
    },
  };
}
