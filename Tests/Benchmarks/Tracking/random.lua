-- wrk script: cycles through look-ups of many different orders, typed the forgiving way.
-- Reads "number|surname" lines from the file named by TRACK_CASES (default /tmp/tracking-bench/cases.txt).
local cases = {}
local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for line in io.lines(os.getenv("TRACK_CASES") or "/tmp/tracking-bench/cases.txt") do
  local number, surname = line:match("^(.-)|(.*)$")
  cases[#cases + 1] = "/api/v1/track?number=" .. encode(number) .. "&surname=" .. encode(surname)
end
local next = 0
request = function()
  next = next % #cases + 1
  return wrk.format("GET", cases[next])
end
-- wrk itself reports any answer that is not 2xx/3xx ("Non-2xx or 3xx responses").
