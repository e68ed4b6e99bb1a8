import { mongoLane } from "./test-env.js";

/**
 * First step of `npm run test:mongo`: that script exists to prove the adapter on a real
 * replica set, so without MONGODB_URI it fails in one line instead of quietly running the
 * emulator lane (which skips the cases only a real MongoDB can prove).
 */
if (mongoLane.kind !== "real") {
  process.stderr.write("test:mongo: set MONGODB_URI to a MongoDB replica set, e.g. MONGODB_URI='mongodb://127.0.0.1:27017/?replicaSet=rs0' npm run test:mongo\n");
  process.exit(1);
}
