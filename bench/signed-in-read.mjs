#!/usr/bin/env node
/**
 * `node bench/signed-in-read.mjs`: what checking that a sign-in is still live costs each
 * authenticated request. Every such request reads its user; since access tokens name their sign-in
 * that read is `users.findSignedIn` (the user only while a token of the family is unrevoked)
 * instead of `users.findById`. Both run interleaved on one SQLite store with 20,000 users and
 * 100,000 sessions; prints microseconds per read (median of rounds).
 *
 *   node bench/signed-in-read.mjs [--reads N] [--rounds N]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { load } from "./lib/scale.mjs";

const { values: flags } = parseArgs({ options: { reads: { type: "string", default: "20000" }, rounds: { type: "string", default: "7" } } });
const reads = Number(flags.reads);
const rounds = Number(flags.rounds);

const { openDatabase } = await load("@bbscart/db");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-signed-in-"));
const db = await openDatabase({ dataDir, sqliteSynchronous: "NORMAL" });
try {
  const now = new Date();
  const users = 20_000;
  await db.uow.run(async (repos) => {
    for (let i = 0; i < users; i++) {
      const id = `user-${i}`;
      await repos.users.create({
        id, email: `${id}@example.test`, name: id, phone: null, passwordHash: "x", role: "shopper", permissions: [],
        disabled: false, addresses: [], totp: null, createdAt: now, updatedAt: now,
      });
      for (let s = 0; s < 5; s++) {
        await repos.sessions.create({
          id: `${id}-s${s}`, userId: id, familyId: `${id}-f${s}`, tokenHash: `${id}-h${s}`, createdAt: now,
          expiresAt: new Date(now.getTime() + 86_400_000), rotatedAt: s < 4 ? now : null, revokedAt: s < 2 ? now : null,
        });
      }
    }
  });

  /** @param {(i: number) => Promise<unknown>} read */
  const time = async (read) => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < reads; i++) await read(i);
    return Number(process.hrtime.bigint() - started) / 1000 / reads;
  };
  /** @type {{ byId: number[]; signedIn: number[] }} */
  const results = { byId: [], signedIn: [] };
  for (let round = 0; round < rounds; round++) {
    results.byId.push(await time((i) => db.repos.users.findById(`user-${(i * 7919) % users}`)));
    results.signedIn.push(await time((i) => db.repos.users.findSignedIn(`user-${(i * 7919) % users}`, `user-${(i * 7919) % users}-f4`)));
  }
  /** @param {number[]} values */
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const byId = median(results.byId);
  const signedIn = median(results.signedIn);
  process.stdout.write(`users.findById      ${byId.toFixed(2)} µs/read\n`);
  process.stdout.write(`users.findSignedIn  ${signedIn.toFixed(2)} µs/read  (+${(signedIn - byId).toFixed(2)} µs, ${reads} reads × ${rounds} rounds, SQLite, ${os.cpus()[0]?.model ?? "cpu"})\n`);
} finally {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
