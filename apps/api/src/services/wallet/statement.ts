import { money, statement, type AccountId, type CurrencyCode, type DatabaseHandle } from "@bbscart/core";
import { z } from "zod";
import { AppError } from "../common/index.js";

/**
 * Where the next page starts: the ledger's own cursor, and the balance just before the oldest
 * entry already shown — the running balance of the next page continues from it, so no page
 * needs to read the whole history. A client that alters it only misstates its own view.
 */
const position = z.object({ after: z.string(), balanceMinor: z.number().int() });
type Position = z.infer<typeof position>;

const encode = (at: Position): string => Buffer.from(JSON.stringify(at)).toString("base64url");

function decode(cursor: string): Position {
  try {
    return position.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("BAD_REQUEST", "Page marker is not one this statement gave; start from the first page", { field: "cursor" });
  }
}

/**
 * One page of an account's statement, newest first, each entry with the balance after it. The
 * first page starts from the cached balance, read in the same unit of work as the entries so a
 * transfer posted meanwhile cannot make them disagree.
 */
export async function statementPage(
  db: DatabaseHandle,
  account: AccountId,
  currency: CurrencyCode,
  page: { readonly cursor: string | null; readonly limit: number },
) {
  const from = page.cursor === null ? null : decode(page.cursor);
  return db.uow.run(async (repos) => {
    const balance = from ? money(from.balanceMinor, currency) : await repos.ledger.balance(account, currency);
    const transfers = await repos.ledger.statement(account, { cursor: from?.after ?? null, limit: page.limit });
    // Core's statement runs oldest to newest from zero; shifted by the balance before this page's oldest entry, it gives each entry's balance.
    const lines = statement(account, [...transfers.items].reverse(), currency);
    const before = balance.minor - (lines.at(-1)?.balanceAfter.minor ?? 0);
    const entries = lines.reverse().map(({ transfer, change, balanceAfter }) => ({
      id: transfer.id,
      kind: transfer.kind,
      reference: transfer.reference,
      memo: transfer.memo,
      at: transfer.createdAt,
      change,
      balanceAfter: money(before + balanceAfter.minor, currency),
    }));
    return {
      balance,
      entries,
      nextCursor: transfers.nextCursor === null ? null : encode({ after: transfers.nextCursor, balanceMinor: before }),
    };
  });
}
