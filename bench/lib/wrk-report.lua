-- Prints wrk's summary as one JSON line the bench parses (latencies in microseconds).
--
-- Arguments (after `--`): the opening in milliseconds and the number of connections. Each
-- connection's first request waits out the opening, so the measured run starts with every
-- connection already accepted: a busy Node server accepts one connection per event-loop turn
-- (libuv since 1.45), and without the wait the last of 50 fresh connections queued behind ~50
-- turns of the others' requests — a start-up tail of the load tool, not the server's steady state
-- (decision 160). The caller leaves the opening out of the measured time.
local opening, unopened = 0, 0

init = function(args)
  opening = tonumber(args[1]) or 0
  unopened = tonumber(args[2]) or 0
end

delay = function()
  if unopened > 0 then
    unopened = unopened - 1
    return opening
  end
  return 0
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
