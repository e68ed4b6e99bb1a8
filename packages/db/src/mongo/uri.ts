import { ConnectionString } from "mongodb-connection-string-url";

/**
 * MongoDB connection strings, read the way the driver reads them. WHATWG `URL` refuses a seed list
 * (`mongodb://h1:27017,h2:27017/?replicaSet=rs0`, the usual URI of a replica set), so neither the
 * configuration check nor the test lanes may use it; this module is the one parser both share.
 */

/** True when the driver would accept `uri`: a `mongodb://` seed list or a `mongodb+srv://` host. */
export function isMongoUri(uri: string): boolean {
  try {
    return new ConnectionString(uri).hosts.length > 0;
  } catch {
    return false;
  }
}

/** `uri` with its database replaced by `database`; every host, credential and option is kept. */
export function withDatabase(uri: string, database: string): string {
  const parsed = new ConnectionString(uri);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
