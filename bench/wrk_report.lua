-- wrk script for bench.wrk: round-robin over the paths in the file named by the first script
-- argument (one per line, "path<TAB>Cookie header" optional), counts every answer outside
-- 200-299 (wrk itself only counts >= 400), and prints one JSON line at the end.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t?(.*)$")
    if path then
      local headers = {}
      if cookie ~= "" then headers["Cookie"] = cookie end
      table.insert(requests, wrk.format("GET", path, headers))
    end
  end
  position = id % #requests
  bad, first_bad, ok = 0, 0, 0
end

function request()
  position = position % #requests + 1
  return requests[position]
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
    if first_bad == 0 then first_bad = status end
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local bad, ok, first_bad = 0, 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("bad")
    ok = ok + thread:get("ok")
    if first_bad == 0 then first_bad = thread:get("first_bad") end
  end
  local e = summary.errors
  io.write(string.format(
    '\nWRK_JSON {"requests": %d, "duration_us": %d, "ok": %d, "bad": %d, "first_bad": %d, ' ..
    '"socket_errors": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "bytes": %d}\n',
    summary.requests, summary.duration, ok, bad, first_bad,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.bytes))
end
