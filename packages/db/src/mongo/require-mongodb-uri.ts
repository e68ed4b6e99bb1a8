import { mongoLane } from "./test-env.js";
import { isMongoUri } from "./uri.js";

/**
 * First step of `npm run test:mongo`: that script exists to prove the adapter on a real
 * replica set, so without a usable MONGODB_URI it fails in one line instead of quietly running
 * the emulator lane (which skips the cases only a real MongoDB can prove).
 */
const example = "MONGODB_URI='mongodb://127.0.0.1:27017/?replicaSet=rs0&directConnection=true' npm run test:mongo";
if (mongoLane.kind !== "real") {
  process.stderr.write(`test:mongo: set MONGODB_URI to a MongoDB replica set, e.g. ${example}\n`);
  process.exit(1);
}
if (!isMongoUri(mongoLane.uri)) {
  process.stderr.write(`test:mongo: MONGODB_URI is not a MongoDB connection string (mongodb://host1:27017,host2:27017/?replicaSet=rs0 or mongodb+srv://…), e.g. ${example}\n`);
  process.exit(1);
}
