import { err } from "../result.js";
class Rollback extends Error {
    error;
    constructor(error) {
        super("rolled back by a domain refusal");
        this.error = error;
    }
}
/**
 * Runs `fn` in one transaction that commits only if it returns an ok result. A refusal
 * (out of stock on the third line, insufficient funds on the second transfer) rolls back
 * everything already written and comes back as the same value; exceptions still throw.
 */
export async function transact(uow, fn) {
    try {
        return await uow.run(async (repos) => {
            const result = await fn(repos);
            if (!result.ok)
                throw new Rollback(result.error);
            return result;
        });
    }
    catch (error) {
        if (error instanceof Rollback)
            return err(error.error);
        throw error;
    }
}
//# sourceMappingURL=unit-of-work.js.map