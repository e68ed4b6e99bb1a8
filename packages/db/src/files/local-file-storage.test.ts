import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InvalidFileKeyError, LocalFileStorage } from "./local-file-storage.js";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});
const storage = () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-files-"));
  roots.push(root);
  return { root, files: new LocalFileStorage(root) };
};

describe("LocalFileStorage", () => {
  it("stores, reads back and deletes a file under its key", async () => {
    const { root, files } = storage();
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await files.put("products/tea.webp", bytes, "image/webp")).toEqual({ key: "products/tea.webp", contentType: "image/webp", size: 3 });
    expect(fs.readFileSync(path.join(root, "products/tea.webp"))).toEqual(Buffer.from(bytes));
    expect(await files.get("products/tea.webp")).toEqual({ key: "products/tea.webp", contentType: "image/webp", size: 3, bytes });

    await files.delete("products/tea.webp");
    expect(await files.get("products/tea.webp")).toBeNull();
    expect(fs.readdirSync(path.join(root, "products"))).toEqual([]);
  });

  it("refuses keys that could escape the directory or are not plain paths", async () => {
    const { files } = storage();
    for (const key of ["../secrets.json", "products/../../x", "/etc/passwd", "Products/Tea.webp", "a//b", ""]) {
      await expect(files.put(key, new Uint8Array([1]), "image/webp")).rejects.toThrow(InvalidFileKeyError);
      expect(await files.get(key)).toBeNull();
    }
  });
});
