/**
 * A problem the operator fixes by changing configuration or starting a service. Entry points print
 * its message as one line (no stack trace) and exit non-zero.
 */
export class StartupError extends Error {
  override name = "StartupError";
}
