import { describe, expect, it } from "vitest";
import { makeCategory, T0 } from "../testing/builders.js";
import { checkArchive, checkParent, checkProductCategory, checkRestore, placeCategory, siblingsOf } from "./category-tree.js";

// home > kitchen > tea ; garden
const tree = [
  makeCategory({ id: "home", position: 0 }),
  makeCategory({ id: "kitchen", parentId: "home", position: 0 }),
  makeCategory({ id: "tea", parentId: "kitchen", position: 0 }),
  makeCategory({ id: "garden", position: 1 }),
];

describe("category tree", () => {
  it("refuses a parent that is the category itself or one of its descendants", () => {
    expect(checkParent(tree, "home", "home")).toEqual({ ok: false, error: { code: "CATEGORY_CYCLE" } });
    expect(checkParent(tree, "home", "tea")).toEqual({ ok: false, error: { code: "CATEGORY_CYCLE" } });
    expect(checkParent(tree, "kitchen", "tea")).toEqual({ ok: false, error: { code: "CATEGORY_CYCLE" } });
    expect(checkParent(tree, "tea", "garden").ok).toBe(true);
    expect(checkParent(tree, "garden", "tea").ok).toBe(true);
    expect(checkParent(tree, "home", null).ok).toBe(true);
  });

  it("refuses a missing or archived parent", () => {
    expect(checkParent(tree, null, "nowhere")).toEqual({ ok: false, error: { code: "PARENT_NOT_FOUND" } });
    const archived = [...tree, makeCategory({ id: "old", archivedAt: T0 })];
    expect(checkParent(archived, "tea", "old")).toEqual({ ok: false, error: { code: "PARENT_ARCHIVED" } });
  });

  it("terminates on a cycle already stored", () => {
    const broken = [makeCategory({ id: "a", parentId: "b" }), makeCategory({ id: "b", parentId: "a" })];
    expect(checkParent(broken, "c", "a").ok).toBe(true);
  });

  it("places a category among its new siblings and renumbers only what changes", () => {
    const shelves = [makeCategory({ id: "a", position: 0 }), makeCategory({ id: "b", position: 1 }), makeCategory({ id: "c", position: 2 })];
    expect(placeCategory(shelves, "c", null, 0)).toEqual([
      { id: "c", position: 0 },
      { id: "a", position: 1 },
      { id: "b", position: 2 },
    ]);
    expect(placeCategory(shelves, "a", null, 99)).toEqual([
      { id: "b", position: 0 },
      { id: "c", position: 1 },
      { id: "a", position: 2 },
    ]);
    expect(placeCategory(shelves, "b", null, 1)).toEqual([]);
    // Moved under another parent with no index: last there.
    expect(placeCategory(tree, "tea", "home", null)).toEqual([{ id: "tea", position: 1 }]);
  });

  it("orders siblings by position, then name", () => {
    const equal = [makeCategory({ id: "z", name: "Zari" }), makeCategory({ id: "a", name: "Anklets" }), makeCategory({ id: "first", name: "Toys", position: -1 })];
    expect(siblingsOf(equal, null).map((c) => c.id)).toEqual(["first", "a", "z"]);
  });

  it("archives only a category without live children or active products", () => {
    expect(checkArchive(tree, tree[0]!, false)).toEqual({ ok: false, error: { code: "CATEGORY_IN_USE", liveChildren: 1, activeProducts: false } });
    expect(checkArchive(tree, tree[2]!, true)).toEqual({ ok: false, error: { code: "CATEGORY_IN_USE", liveChildren: 0, activeProducts: true } });
    expect(checkArchive(tree, tree[2]!, false).ok).toBe(true);
    const childArchived = tree.map((c) => (c.id === "tea" ? { ...c, archivedAt: T0 } : c));
    expect(checkArchive(childArchived, tree[1]!, false).ok).toBe(true);
  });

  it("restores only under a live parent, and puts products only in live categories", () => {
    const archivedParent = tree.map((c) => (c.id === "kitchen" ? { ...c, archivedAt: T0 } : c));
    expect(checkRestore(archivedParent, tree[2]!)).toEqual({ ok: false, error: { code: "PARENT_ARCHIVED" } });
    expect(checkRestore(tree, tree[2]!).ok).toBe(true);
    expect(checkProductCategory(null)).toEqual({ ok: false, error: { code: "CATEGORY_NOT_FOUND" } });
    expect(checkProductCategory(makeCategory({ archivedAt: T0 }))).toEqual({ ok: false, error: { code: "CATEGORY_ARCHIVED" } });
    expect(checkProductCategory(makeCategory()).ok).toBe(true);
  });
});

describe("category tree edges", () => {
  it("orders siblings of one position by name, then id; clamps a placement into the sibling list", () => {
    const a = makeCategory({ id: "b-id", name: "Same", position: 0 });
    const b = makeCategory({ id: "a-id", name: "Same", position: 0 });
    const c = makeCategory({ id: "c-id", name: "Apples", position: 0 });
    expect(siblingsOf([a, b, c], null).map((x) => x.id)).toEqual(["c-id", "a-id", "b-id"]);
    const tree = [makeCategory({ id: "x", position: 0 }), makeCategory({ id: "y", position: 1 }), makeCategory({ id: "moved", position: 5, parentId: "elsewhere" })];
    expect(placeCategory(tree, "moved", null, -3)).toEqual([{ id: "moved", position: 0 }, { id: "x", position: 1 }, { id: "y", position: 2 }]);
    expect(placeCategory(tree, "moved", null, 99)).toEqual([{ id: "moved", position: 2 }]);
  });

  it("archives an archived category again as a no-op, and restores at the top level or under a live parent", () => {
    const archived = makeCategory({ id: "gone", archivedAt: T0 });
    expect(checkArchive([archived], archived, true)).toEqual({ ok: true, value: null });
    const top = makeCategory({ id: "top", parentId: null, archivedAt: T0 });
    expect(checkRestore([top], top)).toEqual({ ok: true, value: null });
    const live = makeCategory({ id: "live" });
    const child = makeCategory({ id: "child", parentId: "live", archivedAt: T0 });
    expect(checkRestore([live, child], child)).toEqual({ ok: true, value: null });
  });
});
