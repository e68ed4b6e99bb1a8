import { err, ok } from "../result.js";
/**
 * A repeated key returns the first result (a double submit makes one order); the same key
 * with a different request is refused rather than silently answered with the wrong result.
 */
export function replayOf(record, requestHash) {
    return record.requestHash === requestHash ? ok(record.resultId) : err({ code: "IDEMPOTENCY_KEY_REUSED", key: record.key });
}
//# sourceMappingURL=idempotency.js.map