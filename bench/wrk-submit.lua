-- wrk script: POSTs the benchmark's FHIR JSON bodies (LINES-N.json) to $submit, each connection pausing between requests.
-- Arguments after "--": the bodies' folder, the number of lines (1, 5 or 50), the pause per connection in milliseconds.
local bodies = {}
local pause = 0
local next_body = 1

function init(args)
  local dir, lines = args[1], args[2]
  pause = tonumber(args[3] or "0")
  for i = 1, 16 do
    local file = io.open(dir .. "/" .. lines .. "-" .. i .. ".json", "r")
    if file == nil then break end
    bodies[#bodies + 1] = wrk.format("POST", nil, { ["Content-Type"] = "application/fhir+json" }, file:read("*a"))
    file:close()
  end
  if #bodies == 0 then error("no bodies " .. lines .. "-N.json in " .. dir) end
  next_body = math.random(#bodies)
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return body
end

function delay()
  return pause
end
