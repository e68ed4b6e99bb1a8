import type { DatabaseEngine } from "@bbscart/core";

export interface SystemInfo {
  name: string;
  version: string;
  engine: DatabaseEngine;
}

/** What a visitor may know about the running installation: enough to report a bug against. */
export function systemService(info: SystemInfo) {
  return {
    info: (): SystemInfo => ({ ...info }),
  };
}
