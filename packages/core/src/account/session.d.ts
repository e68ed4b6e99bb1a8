import { type Result } from "../result.js";
/**
 * A stored refresh token (only its hash). Tokens rotate: each use replaces the token with a
 * new one of the same family; presenting an already-rotated token is reuse, which revokes
 * the whole family.
 */
export interface RefreshToken {
    readonly id: string;
    readonly userId: string;
    readonly familyId: string;
    readonly tokenHash: string;
    readonly createdAt: Date;
    readonly expiresAt: Date;
    readonly rotatedAt: Date | null;
    readonly revokedAt: Date | null;
}
export interface PasswordResetToken {
    readonly id: string;
    readonly userId: string;
    readonly tokenHash: string;
    readonly createdAt: Date;
    readonly expiresAt: Date;
    readonly usedAt: Date | null;
}
export type RefreshRejection = {
    readonly code: "TOKEN_EXPIRED";
} | {
    readonly code: "TOKEN_REVOKED";
}
/** The token was already rotated: someone replayed it. The caller revokes `familyId`. */
 | {
    readonly code: "TOKEN_REUSED";
    readonly familyId: string;
};
/**
 * Decides whether a presented refresh token may be rotated. Reuse wins over expiry, so a
 * replayed stolen token always burns its family.
 */
export declare function checkRefreshToken(token: RefreshToken, now: Date): Result<RefreshToken, RefreshRejection>;
export type ResetRejection = {
    readonly code: "RESET_TOKEN_INVALID";
};
/** A reset token works once and before it expires; both failures look the same to callers. */
export declare function checkPasswordResetToken(token: PasswordResetToken, now: Date): Result<PasswordResetToken, ResetRejection>;
//# sourceMappingURL=session.d.ts.map