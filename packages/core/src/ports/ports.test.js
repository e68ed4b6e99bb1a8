import { describe, expect, it } from "vitest";
import { err, ok } from "../result.js";
import { DuplicateKeyError, InvalidCursorError, isDuplicateKey } from "./errors.js";
import { transact } from "./unit-of-work.js";
/** A unit of work that records whether it committed; a throw inside means rollback. */
function recordingUnitOfWork() {
    const log = [];
    const uow = {
        async run(fn) {
            try {
                const value = await fn({});
                log.push("commit");
                return value;
            }
            catch (error) {
                log.push("rollback");
                throw error;
            }
        },
    };
    return { uow, log };
}
describe("DuplicateKeyError", () => {
    it("names the unique key that was hit", () => {
        const error = new DuplicateKeyError("users.email");
        expect(error.message).toBe("duplicate key: users.email");
        expect(isDuplicateKey(error)).toBe(true);
        expect(isDuplicateKey(error, "users.email")).toBe(true);
        expect(isDuplicateKey(error, "orders.id")).toBe(false);
        expect(isDuplicateKey(new Error("E11000"))).toBe(false);
    });
});
describe("InvalidCursorError", () => {
    it("is a typed error callers can tell from a bug", () => {
        const error = new InvalidCursorError();
        expect(error).toBeInstanceOf(Error);
        expect(error.name).toBe("InvalidCursorError");
        expect(error.message).toBe("invalid page cursor");
    });
});
describe("transact", () => {
    it("commits an ok result", async () => {
        const { uow, log } = recordingUnitOfWork();
        expect(await transact(uow, () => Promise.resolve(ok(1)))).toEqual(ok(1));
        expect(log).toEqual(["commit"]);
    });
    it("rolls back on a refusal and returns it as a value", async () => {
        const { uow, log } = recordingUnitOfWork();
        expect(await transact(uow, () => Promise.resolve(err({ code: "OUT_OF_STOCK" })))).toEqual(err({ code: "OUT_OF_STOCK" }));
        expect(log).toEqual(["rollback"]);
    });
    it("rethrows bugs after rolling back", async () => {
        const { uow, log } = recordingUnitOfWork();
        await expect(transact(uow, () => Promise.reject(new TypeError("bug")))).rejects.toThrow("bug");
        expect(log).toEqual(["rollback"]);
    });
});
//# sourceMappingURL=ports.test.js.map