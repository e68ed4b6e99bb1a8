import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { ConnectionString } from "mongodb-connection-string-url";
import mongoose, { type Connection } from "mongoose";
import type { DatabaseHandle } from "@bbscart/core";
import { openMongo, type MongoOptions } from "./open.js";
import type { MongoLane } from "./test-env.js";
import { withDatabase } from "./uri.js";

// The API's emulator suite starts its server through this module too (`@bbscart/db/mongo-test-lane`).
export { laneSkipReason, mongoLane, type MongoLane } from "./test-env.js";

/** A running MongoDB for one test file: opens fresh databases, and removes them at the end. */
export interface LaneServer {
  /** A handle on a new, empty database of its own (with `options` of `openMongo` other than the URI). */
  open(options?: Omit<MongoOptions, "uri">): Promise<DatabaseHandle>;
  /** Another handle on the database of `handle` (one this server opened), as a second process or a restart would open it. */
  reopen(handle: DatabaseHandle): Promise<DatabaseHandle>;
  /** A plain connection to the database of `handle` (one this server opened), to inspect what the adapter built. */
  connectRaw(handle: DatabaseHandle): Promise<Connection>;
  /** The name of the database of `handle` (one this server opened). */
  databaseOf(handle: DatabaseHandle): string;
  /** Closes every handle, drops their databases (real MongoDB) or stops the emulator. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;

/** Starts jongodb as a single-node replica set on a free port and resolves with its URI once it says so. */
function startEmulator(binary: string): Promise<{ uri: string; child: ChildProcess }> {
  const child = spawn(binary, ["--port=0", "--topology-profile=singleNodeReplicaSet", "--replica-set-name=rs0"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`jongodb did not start: ${reason}\n${output}`));
    };
    const timer = setTimeout(() => fail(`no JONGODB_URI line within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const uri = /JONGODB_URI=(\S+)/.exec(output)?.[1];
      if (uri) {
        clearTimeout(timer);
        resolve({ uri, child });
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code) => fail(`exited with ${code}`));
  });
}

/**
 * The emulator's URI with the driver's server monitor set to poll. jongodb announces a topology
 * version, so the driver switches its monitor to the streaming (exhaust) hello, which jongodb ends
 * without the `moreToCome` flag: the heartbeat fails ("Server ended moreToCome unexpectedly"), the
 * pool is cleared, and operations of any case that outlives a heartbeat wait ~10 s for the server
 * to be selected again. Measured on the contract file: a run of such stalls, one per case, once the
 * emulator had served a few dozen databases. Polling is a client setting of the lane; the adapter
 * and real deployments keep the driver's default.
 */
function polledUri(uri: string): string {
  const parsed = new ConnectionString(uri);
  parsed.searchParams.set("serverMonitoringMode", "poll");
  return parsed.toString();
}

/** Connects to the lane's server: the real MongoDB named by MONGODB_URI, or a fresh emulator process. */
export async function startLaneServer(lane: Exclude<MongoLane, { kind: "absent" }>): Promise<LaneServer> {
  const emulator = lane.kind === "emulator" ? await startEmulator(lane.binary) : null;
  const baseUri = emulator ? polledUri(emulator.uri) : (lane as { uri: string }).uri;
  const prefix = `bbscart_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const opened: { handle: DatabaseHandle; uri: string; name: string }[] = [];
  const entryOf = (handle: DatabaseHandle) => {
    const entry = opened.find((candidate) => candidate.handle === handle);
    if (!entry) throw new Error("that handle was not opened by this lane server");
    return entry;
  };

  return {
    async open(options = {}) {
      const name = `${prefix}_${opened.length}`;
      const uri = withDatabase(baseUri, name);
      // The emulator has no `create`/`collMod` and enforces no validator (ADR 084).
      const handle = await openMongo({ serverSelectionTimeoutMs: 10_000, ...options, uri, ...(emulator ? { schemaCommands: false } : {}) });
      opened.push({ handle, uri, name });
      return handle;
    },
    async reopen(handle) {
      const { uri, name } = entryOf(handle);
      const again = await openMongo({ serverSelectionTimeoutMs: 10_000, uri, ...(emulator ? { schemaCommands: false } : {}) });
      opened.push({ handle: again, uri, name });
      return again;
    },
    connectRaw(handle) {
      return mongoose.createConnection(entryOf(handle).uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
    },
    databaseOf(handle) {
      return entryOf(handle).name;
    },
    async stop() {
      await Promise.allSettled(opened.map(({ handle }) => handle.close()));
      if (emulator) {
        // Its databases live in its memory: stopping it is the cleanup (it has no dropDatabase).
        emulator.child.kill("SIGTERM");
        return;
      }
      for (const { uri } of opened) {
        const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
        try {
          await connection.dropDatabase();
        } finally {
          await connection.close();
        }
      }
    },
  };
}
