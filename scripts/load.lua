-- wrk: a mix of the guide's pages, taken in turn; the paths come after `--`.
-- At the end, one line of JSON: requests, errors of each kind, and latency.

local paths = {}
local next_path = 1

function init(args)
  for _, path in ipairs(args) do
    paths[#paths + 1] = path
  end
  next_path = math.random(#paths)
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip" })
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d, ' ..
    '"status": %d, "p50_ms": %.2f, "p99_ms": %.2f, "rate": %.1f}\n',
    summary.requests, errors.connect, errors.read, errors.write, errors.timeout,
    errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
