import fs from "node:fs";
import { openDatabase } from "@bbscart/db";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain JavaScript module without types, shared with scripts/start.mjs and the bench
import { MALLOC_SETTINGS } from "../../../scripts/heap.mjs";
import { hashPassword } from "../src/auth/passwords.js";
import { useLaunch } from "./launch.js";
import { useTempDirs } from "./temp-dir.js";

const tempDir = useTempDirs();
const launch = useLaunch(tempDir);

/** The API process's resident memory in MiB, as the kernel counts it. */
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

/** A tiny file declaring a big canvas: a few KiB to send, width × height × 3 bytes to decode. */
const bigPicture = (edge: number, shade: number) =>
  sharp({ create: { width: edge, height: edge, channels: 3, background: { r: shade, g: 80, b: 40 } } }).png().toBuffer();

describe("a burst of large image uploads", () => {
  it("decodes a few at a time, refuses canvases over the pixel limit, and gives the memory back", async () => {
    const dataDir = tempDir();
    const db = await openDatabase({ dataDir, sqliteSynchronous: "NORMAL" });
    const now = new Date();
    await db.uow.run((repos) =>
      hashPassword("a long enough passphrase").then((passwordHash) =>
        repos.users.create({
          id: "admin-1", email: "admin@example.test", name: "Admin", phone: null, passwordHash, role: "admin",
          permissions: ["catalog.manage"], disabled: false, addresses: [], totp: null, createdAt: now, updatedAt: now,
        }),
      ),
    );
    await db.close();

    // As npm start and the container image run it: glibc's settings of scripts/heap.mjs.
    const run = launch("server", { DATA_DIR: dataDir, LOG_LEVEL: "warn", PAYMENT_PROVIDER: "sandbox", ...(MALLOC_SETTINGS as Record<string, string>) });
    const { port } = await run.ready;
    const url = `http://127.0.0.1:${port}`;
    const login = await fetch(`${url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: "admin@example.test", password: "a long enough passphrase" } }),
    });
    const token = ((await login.json()) as { result: { data: { json: { accessToken: string } } } }).result.data.json.accessToken;
    const upload = async (bytes: Buffer) => {
      const form = new FormData();
      form.append("file", new Blob([bytes], { type: "image/png" }), "big.png");
      return (await fetch(`${url}/api/admin/uploads`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } })).status;
    };

    // 6300 × 6300 (39.7 million pixels) was accepted and decoded before; it is over the limit now.
    expect(await upload(await bigPicture(6300, 10))).toBe(415);

    const pictures = await Promise.all(Array.from({ length: 10 }, (_, i) => bigPicture(4800, 100 + i)));
    const pid = run.child.pid!;
    const before = rssMiB(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 10);
    const statuses = await Promise.all(pictures.map(upload));
    clearInterval(sampler);
    expect(statuses).toEqual(Array(10).fill(201));

    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = rssMiB(pid);
    process.stdout.write(`upload burst: before ${before.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB, 2 s later ${after.toFixed(0)} MiB\n`);
    // Ten decodes of 23 million pixels at once took the API past 600 MiB, and it kept most of it.
    expect(peak - before).toBeLessThan(300);
    expect(after - before).toBeLessThan(150);
  }, 120_000);
});
