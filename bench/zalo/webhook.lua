-- wrk script for the webhook intake (bench/zalo/README.md): replays signed deliveries written by SignedEvents,
-- one line "signature<TAB>body" each. Thread k of n takes lines k, k+n, k+2n ... so no two threads send the same event.
local counter = 0
function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
end

local requests = {}
local position = 0
function init(args)
  local threads = tonumber(args[2])
  local n = 0
  for line in io.lines(args[1]) do
    if n % threads == index then
      local signature, body = line:match("([^\t]+)\t(.*)")
      requests[#requests + 1] = wrk.format("POST", nil,
        { ["Content-Type"] = "application/json", ["X-ZEvent-Signature"] = signature }, body)
    end
    n = n + 1
  end
end

function request()
  position = position + 1
  if position > #requests then
    position = 1 -- wrapped: from here on the events are redeliveries (answered as duplicates)
  end
  return requests[position]
end
