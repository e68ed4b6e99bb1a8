import fs from "node:fs";
import { openDatabase } from "@bbscart/db";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain JavaScript module without types, shared with scripts/start.mjs and the bench
import { MALLOC_SETTINGS } from "../../../scripts/heap.mjs";
import { hashPassword } from "../src/auth/passwords.js";
import { useLaunch } from "./launch.js";
import { removeKeys } from "./redis-keys.js";
import { useTempDirs } from "./temp-dir.js";

const tempDir = useTempDirs();
const launch = useLaunch(tempDir);
// Its own rate-limit counters: 33 sign-ins from 127.0.0.1 must not spend another suite's budget.
const redisPrefix = `test-${process.pid}-sign-in-memory`;
afterAll(() => removeKeys(redisPrefix));

/** The API process's resident memory in MiB, as the kernel counts it. */
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

describe("a burst of sign-ins", () => {
  it("gives back the memory its password checks took (argon2: 19 MiB each, four at a time)", async () => {
    const dataDir = tempDir();
    const db = await openDatabase({ dataDir, sqliteSynchronous: "NORMAL" });
    const passwordHash = await hashPassword("a long enough passphrase");
    const now = new Date();
    const emails = Array.from({ length: 8 }, (_, i) => `shopper-${i}@example.test`);
    await db.uow.run(async (repos) => {
      for (const [i, email] of emails.entries()) {
        await repos.users.create({
          id: `user-${i}`, email, name: `Shopper ${i}`, phone: null, passwordHash, role: "shopper",
          permissions: [], disabled: false, addresses: [], totp: null, createdAt: now, updatedAt: now,
        });
      }
    });
    await db.close();

    // As npm start and the container image run it: glibc's settings of scripts/heap.mjs.
    const run = launch("server", {
      DATA_DIR: dataDir, REDIS_PREFIX: redisPrefix, LOG_LEVEL: "warn", PAYMENT_PROVIDER: "sandbox", AUTH_CALLS_PER_IP_PER_MINUTE: "1000", AUTH_CALLS_PER_ACCOUNT_PER_MINUTE: "1000",
      ...(MALLOC_SETTINGS as Record<string, string>),
    });
    const { port } = await run.ready;
    const signIn = async (email: string) =>
      (
        await fetch(`http://127.0.0.1:${port}/trpc/auth.login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ json: { email, password: "a long enough passphrase" } }),
        })
      ).status;
    const pid = run.child.pid!;
    await signIn(emails[0]!);
    const before = rssMiB(pid);
    for (let round = 0; round < 4; round++) expect(await Promise.all(emails.map(signIn))).toEqual(Array(8).fill(200));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = rssMiB(pid);
    process.stdout.write(`sign-in burst: before ${before.toFixed(0)} MiB, 1 s later ${after.toFixed(0)} MiB\n`);
    // glibc's defaults kept ~60–80 MiB of it for good (the mapping threshold rises to 19 MiB after the first check).
    expect(after - before).toBeLessThan(25);
  }, 60_000);
});
