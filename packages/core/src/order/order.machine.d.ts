import { type Actor, type ActorKind } from "../account/user.js";
import type { PaymentError } from "../payment/payment.js";
import { type Result } from "../result.js";
import type { StoreSettings } from "../settings/settings.js";
import { type Order, type OrderEventType, type OrderStatus, type Transition } from "./order.js";
/** Something that happens to an order; the data each event carries is what its transition needs. */
export type OrderEvent = {
    readonly type: "confirm";
} | {
    readonly type: "pack";
} | {
    readonly type: "ship";
    readonly carrier: string;
    readonly trackingNumber: string;
} | {
    readonly type: "deliver";
} | {
    readonly type: "cancel";
    readonly reason: string;
} | {
    readonly type: "expire";
} | {
    readonly type: "payment_cancelled";
} | {
    readonly type: "request_return";
    readonly reason: string;
} | {
    readonly type: "approve_return";
} | {
    readonly type: "reject_return";
    readonly reason: string;
} | {
    readonly type: "receive_return";
    readonly restock: boolean;
};
interface Rule {
    readonly to: OrderStatus;
    readonly by: readonly ActorKind[];
}
/**
 * The order state machine as data: for each status, the events it accepts, the status they
 * lead to, and who may trigger them. Nothing else in the code base decides which transitions
 * exist. Statuses with no events are terminal.
 */
export declare const orderTransitions: {
    readonly pending_payment: {
        readonly confirm: {
            readonly to: "confirmed";
            readonly by: readonly ["system"];
        };
        readonly cancel: {
            readonly to: "cancelled";
            readonly by: readonly ["shopper", "admin"];
        };
        readonly expire: {
            readonly to: "cancelled";
            readonly by: readonly ["system"];
        };
        readonly payment_cancelled: {
            readonly to: "cancelled";
            readonly by: readonly ["system"];
        };
    };
    readonly confirmed: {
        readonly pack: {
            readonly to: "packed";
            readonly by: readonly ["admin"];
        };
        readonly cancel: {
            readonly to: "cancelled";
            readonly by: readonly ["shopper", "admin"];
        };
    };
    readonly packed: {
        readonly ship: {
            readonly to: "shipped";
            readonly by: readonly ["admin"];
        };
        readonly cancel: {
            readonly to: "cancelled";
            readonly by: readonly ["admin"];
        };
    };
    readonly shipped: {
        readonly deliver: {
            readonly to: "delivered";
            readonly by: readonly ["admin", "system"];
        };
    };
    readonly delivered: {
        readonly request_return: {
            readonly to: "return_requested";
            readonly by: readonly ["shopper", "admin"];
        };
    };
    readonly return_requested: {
        readonly approve_return: {
            readonly to: "return_approved";
            readonly by: readonly ["admin"];
        };
        readonly reject_return: {
            readonly to: "return_rejected";
            readonly by: readonly ["admin"];
        };
    };
    readonly return_approved: {
        readonly receive_return: {
            readonly to: "return_received";
            readonly by: readonly ["admin"];
        };
    };
    readonly return_rejected: {};
    readonly return_received: {};
    readonly cancelled: {};
};
/** The rule for `event` in `status`, or null when the table has no such transition. */
export declare function ruleFor(status: OrderStatus, event: OrderEventType): Rule | null;
/** The table's row for `status` as a list: each accepted event with its rule. */
export declare function transitionsFrom(status: OrderStatus): {
    readonly event: OrderEventType;
    readonly to: OrderStatus;
    readonly by: readonly ActorKind[];
}[];
/** Statuses from which no event leads anywhere. */
export declare function isTerminal(status: OrderStatus): boolean;
export interface DecisionContext {
    readonly actor: Actor;
    readonly now: Date;
    readonly settings: Pick<StoreSettings, "returnWindowDays">;
}
export type GuardReason = "not_owner" | "missing_permission" | "payment_not_captured" | "already_paid" | "not_expired" | "return_window_closed";
export type OrderError = {
    readonly code: "INVALID_TRANSITION";
    readonly from: OrderStatus;
    readonly event: OrderEventType;
} | {
    readonly code: "NOT_ALLOWED";
    readonly actor: ActorKind;
    readonly event: OrderEventType;
} | {
    readonly code: "GUARD_FAILED";
    readonly event: OrderEventType;
    readonly reason: GuardReason;
} | PaymentError;
/**
 * Applies an event to an order: the table says whether the transition exists and who may
 * trigger it, the guards say whether it may happen now, and the reaction says what else
 * happens. Returns the order to save (status changed, history entry appended, version
 * incremented) and the effects to perform, or the reason it was refused.
 */
export declare function applyOrderEvent(order: Order, event: OrderEvent, context: DecisionContext): Result<Transition, OrderError>;
/** The events this actor could trigger now, for the buttons a page shows. */
export declare function availableEvents(order: Order, context: DecisionContext): OrderEventType[];
export {};
//# sourceMappingURL=order.machine.d.ts.map