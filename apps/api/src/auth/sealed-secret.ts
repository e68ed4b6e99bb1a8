import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/** What a sealed value starts with: format version 1 (AES-256-GCM, HKDF-SHA-256 key). */
const VERSION = "v1";

interface SealingKey {
  id: string;
  key: Buffer;
}

/** HKDF-SHA-256 of a server secret into a 256-bit key used for nothing else; its id is a hash of the key. */
const keyOf = (secret: string): SealingKey => {
  const key = Buffer.from(hkdfSync("sha256", secret, "bbscart", "totp-secret-sealing v1", 32));
  return { id: createHash("sha256").update(key).digest("base64url").slice(0, 8), key };
};

export class UnreadableSecret extends Error {
  override name = "UnreadableSecret";
}

/** A secret read back: `resealed` is set when it was plain or sealed under the previous key. */
export interface Opened {
  plain: string;
  /** The value to store instead (sealed under the current key), or null when the stored one is current. */
  resealed: string | null;
}

/**
 * Seals TOTP secrets at rest: AES-256-GCM with a fresh 96-bit nonce, the owner's id as associated
 * data (a sealed secret copied onto another account does not open), and the key's id in the
 * value, so after a rotation values sealed under the previous key still open and are re-sealed.
 * Stored form: `v1.<key id>.<nonce>.<ciphertext>.<tag>` (base64url parts).
 */
export class SecretSealer {
  private readonly current: SealingKey;
  private readonly keys: Map<string, SealingKey>;

  constructor(secrets: { current: string; previous?: string | undefined }) {
    this.current = keyOf(secrets.current);
    const all = [this.current, ...(secrets.previous ? [keyOf(secrets.previous)] : [])];
    this.keys = new Map(all.map((key) => [key.id, key]));
  }

  seal(ownerId: string, plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.current.key, nonce);
    cipher.setAAD(Buffer.from(ownerId, "utf8"));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [VERSION, this.current.id, nonce, body, cipher.getAuthTag()].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
  }

  /**
   * Opens a stored secret. A value without the version prefix is a plain secret stored before
   * sealing existed: it is used as it is and comes back with its sealed form to store.
   * Throws {@link UnreadableSecret} for a key it does not hold or a value that fails authentication.
   */
  open(ownerId: string, stored: string): Opened {
    if (!stored.startsWith(`${VERSION}.`)) return { plain: stored, resealed: this.seal(ownerId, stored) };
    const [, keyId, nonce, body, tag] = stored.split(".");
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (!key || nonce === undefined || body === undefined || tag === undefined) throw new UnreadableSecret("sealed under a key this server does not hold");
    try {
      const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(nonce, "base64url"));
      decipher.setAAD(Buffer.from(ownerId, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      return { plain, resealed: key === this.current ? null : this.seal(ownerId, plain) };
    } catch {
      throw new UnreadableSecret("the sealed secret does not authenticate");
    }
  }
}
