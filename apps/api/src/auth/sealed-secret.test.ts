import { describe, expect, it } from "vitest";
import { SecretSealer, UnreadableSecret } from "./sealed-secret.js";

const plain = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const current = "the-current-sealing-secret-of-32-characters";
const previous = "the-previous-sealing-secret-of-32-characters";

describe("TOTP secrets sealed at rest", () => {
  it("stores a ciphertext that names neither the secret nor anything readable, and opens it again", () => {
    const sealer = new SecretSealer({ current });
    const sealed = sealer.seal("user-1", plain);
    expect(sealed).toMatch(/^v1\.[\w-]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(plain);
    expect(Buffer.from(sealed.split(".")[3]!, "base64url").toString("latin1")).not.toContain(plain.slice(0, 8));
    expect(sealer.seal("user-1", plain)).not.toBe(sealed);
    expect(sealer.open("user-1", sealed)).toEqual({ plain, resealed: null });
  });

  it("fails with the wrong key, for another account, and when the ciphertext was altered", () => {
    const sealed = new SecretSealer({ current }).seal("user-1", plain);
    expect(() => new SecretSealer({ current: "another-sealing-secret-of-32-characters!" }).open("user-1", sealed)).toThrow(UnreadableSecret);
    expect(() => new SecretSealer({ current }).open("user-2", sealed)).toThrow(UnreadableSecret);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => new SecretSealer({ current }).open("user-1", parts.join("."))).toThrow(UnreadableSecret);
  });

  it("opens values sealed under the previous key after a rotation and hands back their re-sealed form", () => {
    const old = new SecretSealer({ current: previous }).seal("user-1", plain);
    const rotated = new SecretSealer({ current, previous });
    const opened = rotated.open("user-1", old);
    expect(opened.plain).toBe(plain);
    expect(opened.resealed).not.toBeNull();
    expect(new SecretSealer({ current }).open("user-1", opened.resealed!)).toEqual({ plain, resealed: null });
  });

  it("reads a plain secret stored before sealing existed and hands back its sealed form", () => {
    const sealer = new SecretSealer({ current });
    const opened = sealer.open("user-1", plain);
    expect(opened.plain).toBe(plain);
    expect(opened.resealed).toMatch(/^v1\./);
    expect(sealer.open("user-1", opened.resealed!)).toEqual({ plain, resealed: null });
  });
});
