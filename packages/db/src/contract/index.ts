import type { DatabaseHandle } from "@bbscart/core";
import { afterEach, beforeEach, describe } from "vitest";
import { accountCases } from "./cases/accounts.js";
import { catalogCases } from "./cases/catalog.js";
import { catalogVersionCases } from "./cases/catalog-version.js";
import { commerceCases } from "./cases/commerce.js";
import { concurrencyCases } from "./cases/concurrency.js";
import { guardedCases } from "./cases/guarded.js";
import { guestCases } from "./cases/guests.js";
import { ledgerCases } from "./cases/ledger.js";
import { operationsCases } from "./cases/operations.js";
import { rollbackCases } from "./cases/rollback.js";
import { rollupCases } from "./cases/rollups.js";
import { searchCases } from "./cases/search.js";
import { taxDocumentCases } from "./cases/tax-documents.js";
import type { ContractContext } from "./context.js";
import type { ContractLane } from "./lane.js";

export type { Capability, ContractLane, LaneCapabilities, MultiProcessRunner, ProcessTask } from "./lane.js";
export { runProcessTask } from "./process-task.js";

/**
 * The persistence contract every adapter passes: CRUD and pagination of each repository,
 * typed unique violations, rollback of every write method, search and ranking, guarded
 * writes alone and under concurrency (in-process, and across OS processes where the lane can
 * spawn them). Each test gets a fresh database from `lane.open()`.
 */
export function describeContract(name: string, lane: ContractLane): void {
  describe(`${name} contract`, () => {
    let current: DatabaseHandle | null = null;
    const context: ContractContext = {
      get db() {
        if (!current) throw new Error("the contract database is only open inside a test");
        return current;
      },
      capabilities: lane.capabilities,
    };
    beforeEach(async () => {
      current = await lane.open();
    });
    afterEach(async () => {
      await current?.close();
      current = null;
    });

    describe("accounts", () => accountCases(context));
    describe("catalog", () => catalogCases(context));
    describe("catalog version", () => catalogVersionCases(context));
    describe("search", () => searchCases(context));
    describe("carts, coupons, orders, idempotency", () => commerceCases(context));
    describe("ledger", () => ledgerCases(context));
    describe("webhooks, outbox, audit, settings", () => operationsCases(context));
    describe("rollback of every write method", () => rollbackCases(context));
    describe("owner's figures from rollups", () => rollupCases(context));
    describe("guarded writes", () => guardedCases(context));
    describe("guest orders", () => guestCases(context));
    describe("concurrency", () => concurrencyCases(context));
    describe("tax documents", () => taxDocumentCases(context));
  });
}
