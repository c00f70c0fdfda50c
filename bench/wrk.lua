-- wrk script: POSTs the JSON bodies listed (one per line) in $BENCH_BODIES, round robin,
-- and prints one JSON line of results (latencies in microseconds).
local bodies = {}
for line in io.lines(os.getenv("BENCH_BODIES")) do
  bodies[#bodies + 1] = line
end
local path = os.getenv("BENCH_PATH") or "/graphql"
local counter = 0
local headers = {
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/graphql-response+json, application/json",
}

setup = function(thread)
  thread:set("offset", math.random(#bodies))
end

request = function()
  counter = counter + 1
  local index = ((counter + (offset or 0)) % #bodies) + 1
  return wrk.format("POST", path, headers, bodies[index])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"socket_errors":%d,"non2xx":%d,' ..
    '"p50":%d,"p95":%d,"p99":%d,"mean":%.1f}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean))
end
