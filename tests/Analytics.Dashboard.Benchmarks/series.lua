-- Each request takes the next path of PATHS_FILE (for the series: every indicator × district × industry group, so
-- filters vary), with a bearer token when TOKEN is set (authentication on) and none otherwise (off), and the
-- Accept-Encoding of ENCODING when set (pages are measured as a browser asks for them, compressed).
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
local token = os.getenv("TOKEN")
local headers = {}
if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
local encoding = os.getenv("ENCODING")
if encoding and encoding ~= "" then headers["Accept-Encoding"] = encoding end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end
