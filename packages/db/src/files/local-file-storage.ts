import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { FileStorage, StoredFile } from "@bbscart/core";

const safeKey = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

const contentTypes: Record<string, string> = {
  ".webp": "image/webp",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
};

export class InvalidFileKeyError extends Error {
  override name = "InvalidFileKeyError";
}

/**
 * Files in a directory (default `DATA_DIR/uploads`). Keys are lower-case relative paths; anything
 * that could climb out of the directory is refused. Writes go to a temporary name and are renamed
 * into place, so a reader never sees half a file. Several hosts need this directory shared.
 */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private static isValid(key: string): boolean {
    return safeKey.test(key) && !key.split("/").some((part) => part === "." || part === "..");
  }

  private pathOf(key: string): string {
    if (!LocalFileStorage.isValid(key)) throw new InvalidFileKeyError(`invalid file key: ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredFile> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, file);
    return { key, contentType, size: bytes.byteLength };
  }

  /** Null for a key that is not stored — including one that could never be (it is only a lookup). */
  async get(key: string): Promise<(StoredFile & { bytes: Uint8Array }) | null> {
    if (!LocalFileStorage.isValid(key)) return null;
    try {
      const bytes = await fs.readFile(this.pathOf(key));
      const contentType = contentTypes[path.extname(key)] ?? "application/octet-stream";
      return { key, contentType, size: bytes.byteLength, bytes: new Uint8Array(bytes) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}
