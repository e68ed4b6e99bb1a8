import { describe, expect, it } from "vitest";
import { isMongoUri, withDatabase } from "./uri.js";

describe("MongoDB URIs", () => {
  it("replaces the database of a multi-host replica-set URI and keeps hosts, credentials and options", () => {
    expect(withDatabase("mongodb://app:s3cret@h1:27017,h2:27017,h3:27018/bbscart?replicaSet=rs0&w=majority", "bbscart_test_1")).toBe(
      "mongodb://app:s3cret@h1:27017,h2:27017,h3:27018/bbscart_test_1?replicaSet=rs0&w=majority",
    );
  });

  it("adds a database to a URI that names none", () => {
    expect(withDatabase("mongodb://127.0.0.1:27017/?replicaSet=rs0&directConnection=true", "shop")).toBe(
      "mongodb://127.0.0.1:27017/shop?replicaSet=rs0&directConnection=true",
    );
    expect(withDatabase("mongodb+srv://cluster0.example.net", "shop")).toBe("mongodb+srv://cluster0.example.net/shop");
  });

  it("accepts what the driver accepts and refuses the rest", () => {
    expect(isMongoUri("mongodb://h1:27017,h2:27017/?replicaSet=rs0")).toBe(true);
    expect(isMongoUri("mongodb://mongo:27017/bbscart?replicaSet=rs0")).toBe(true);
    expect(isMongoUri("mongodb+srv://cluster0.example.net/bbscart")).toBe(true);
    expect(isMongoUri("mongodb://")).toBe(false);
    expect(isMongoUri("postgres://h1/db")).toBe(false);
    expect(isMongoUri("h1:27017")).toBe(false);
  });
});
