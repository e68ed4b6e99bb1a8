import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { inr, makeProduct, makeVariant } from "@bbscart/core/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { searchWords } from "../../search-words.js";
import { Connection } from "../connection.js";
import { openSqlite } from "../open.js";
import { hitCounter } from "./product-search.js";

/** The rule itself: a query word counts when it begins a word of the text as `searchWords` splits it. */
const byTokens = (words: readonly string[], text: string) => {
  const tokens = searchWords(text);
  return words.filter((word) => tokens.some((token) => token.startsWith(word))).length;
};

// Names and SKUs as shops type them, with the characters that split words or fold: case, digits,
// punctuation, accents and other scripts.
const character = fc.constantFrom(..."abcKURtaz019 -_/.,&'()~\t\né ÉüçñदेवनागरीКурта".split(""));
const text = fc.array(character, { maxLength: 30 }).map((chars) => chars.join(""));

describe("counting a product's name hits below the top tier", () => {
  it("counts what splitting the text into words counts, ASCII or not", () => {
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 3 }), (name, queries) => {
        const words = [...new Set(queries.flatMap((query) => searchWords(query)))];
        expect(hitCounter(words)(name)).toBe(byTokens(words, name));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds a word only at the start of a word: 'ta' is not in 'kurta', 'ku' is in 'blue-kurta'", () => {
    expect(hitCounter(["ta"])("Cotton Kurta")).toBe(0);
    expect(hitCounter(["ku", "bl"])("KUR-BLUE-kurta")).toBe(2);
    expect(hitCounter(["cafe"])("Café Mocha")).toBe(1);
  });
});

describe("a relevance page reads one snapshot", () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("shows what the store held when it began, though another process deletes a product between its statements", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-snapshot-"));
    dirs.push(dataDir);
    const db = openSqlite({ dataDir });
    // Below the top tier of "silk kurta" (no name holds both words), so the page is ranked from a list of matches.
    for (const [i, name] of ["Silk Dupatta", "Kurta", "Silk Stole"].entries()) {
      const id = `p${i}`;
      await db.repos.products.create(
        makeProduct({ id, slug: id, name, description: "silk kurta", categoryId: "c", variants: [makeVariant({ id: `${id}-v`, productId: id, sku: `S-${i}`, price: inr(100) })] }),
      );
    }
    const search = { cursor: null, limit: 10, search: "silk kurta", categoryId: null, minPriceMinor: null, maxPriceMinor: null, inStock: null, sort: "relevance", includeInactive: false } as const;
    const before = (await db.repos.products.search(search)).items.map((p) => p.name);
    expect(before).toEqual(["Silk Stole", "Kurta", "Silk Dupatta"]);

    const other = new Database(path.join(dataDir, "bbscart.db"));
    other.pragma("foreign_keys = OFF");
    // The method as it was before the spy replaces it (read off its descriptor: it is called with each connection).
    const prepare = Object.getOwnPropertyDescriptor(Connection.prototype, "prepare")?.value as Connection["prepare"];
    vi.spyOn(Connection.prototype, "prepare").mockImplementation(function (this: Connection, sql: string) {
      const statement = prepare.call(this, sql);
      if (!/product_search\.skus/.test(sql)) return statement;
      // Right after the matches are listed, before their rows are read in full.
      return Object.assign(Object.create(statement) as typeof statement, {
        all: (...params: unknown[]) => {
          const rows = statement.all(...(params as never[]));
          other.prepare("DELETE FROM products WHERE id = 'p2'").run();
          return rows;
        },
      });
    });
    const during = (await db.repos.products.search(search)).items.map((p) => p.name);
    vi.restoreAllMocks();
    other.close();
    expect(during).toEqual(before);
    expect((await db.repos.products.search(search)).items.map((p) => p.name)).toEqual(["Kurta", "Silk Dupatta"]);
    await db.close();
  });
});
