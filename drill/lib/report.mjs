/** The drill's result as a person reads it: what ran, what was done to it, and one row per check. */

const s = (ms) => (ms === null || ms === undefined ? "—" : `${(ms / 1000).toFixed(1)} s`);
const pairs = (object) =>
  Object.entries(object)
    .sort(([, a], [, b]) => b - a)
    .map(([k, v]) => `${k} ×${v}`)
    .join(", ") || "none";

export function renderText(result) {
  const { load, acknowledged: a, webhooks: w } = result;
  const firstFault = result.faults[0]?.at ?? 0;
  const lines = [
    "",
    `BBSCART fault drill (${result.mode}) — 2 API processes on one ${result.engine === "mongo" ? "MongoDB database" : "SQLite file"}, 1 worker, own redis-server (AOF, fsync always), ${result.provider}-flavoured sandbox`,
    "",
    `load      ${load.seconds.toFixed(1)} s, ${load.shoppers} shoppers + ${load.admins} admins, ${load.requests} requests (${load.retries} retries)`,
    `acked     ${a.orders} orders (${a.walletOrders} wallet, ${a.cardOrders} card), ${a.cardPayments} card payments, ${a.topUps} card top-ups, ${a.transitions} admin transitions, ${a.shopperCancels} shopper cancels, ${a.providerCancels} provider cancels, ${a.refunds} refunds, ${a.adjustments} wallet adjustments`,
    `refused   ${pairs(load.refused)}`,
    `failed    ${pairs(load.failures)} (retried; gave up: ${pairs(load.gaveUp)})`,
    `webhooks  ${w.received} from the provider, ${w.forwarded} forwarded (${w.forwardFailed} failed), ${w.held} held back and ${w.late} delivered late, ${w.dropped} lost for good, ${w.duplicatesPosted} re-posted, ${w.cancels} intent cancels`,
    `email     ${result.emails} messages received by SMTP`,
    "",
    "faults    (recovered = ready again after the kill, of which down = kept down before the restart; next order = first order acknowledged after the kill)",
  ];
  for (const f of result.faults) {
    lines.push(
      `  t+${((f.at - firstFault) / 1000).toFixed(1).padStart(5)} s  SIGKILL ${f.target.padEnd(20)} recovered in ${s(f.recoveredMs).padStart(6)} (down ${s(f.downMs)}), next order ${s(f.nextOrderAckMs)}`,
    );
  }
  const q = result.quiesce;
  lines.push("", q.quiet ? `quiet     ${s(q.ms)} after the load (queues drained)` : `quiet     NOT within ${s(q.ms)}: ${JSON.stringify(q.backlog)}`, "");
  const width = Math.max(...result.checks.map((c) => c.name.length));
  lines.push("  #  " + `${"check".padEnd(width)}  result  detail`);
  for (const c of result.checks) {
    lines.push(` ${String(c.id).padStart(2)}  ${c.name.padEnd(width)}  ${c.ok ? "ok    " : "FAILED"}  ${c.summary}`);
    for (const problem of c.problems) lines.push(`    ${" ".repeat(width)}          ✗ ${problem}`);
    if (c.problemCount > c.problems.length) lines.push(`    ${" ".repeat(width)}          … ${c.problemCount - c.problems.length} more`);
  }
  const failed = result.checks.filter((c) => !c.ok).length;
  lines.push(
    "",
    failed === 0
      ? `drill: all ${result.checks.length} checks hold (${result.totalSeconds.toFixed(0)} s in all)`
      : `drill: ${failed} of ${result.checks.length} checks FAILED (${result.totalSeconds.toFixed(0)} s in all); logs and database kept in ${result.dir}`,
    "",
  );
  return lines.join("\n");
}
