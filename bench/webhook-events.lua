-- Sends pre-signed webhook deliveries from EVENTS_FILE (lines "<Stripe-Signature>\t<body>", see webhook-events.py),
-- each line exactly once: thread i of WRK_THREADS takes lines i, i+n, i+2n, … in order, so two consecutive lines go
-- out at about the same moment on two threads. A connection whose thread has no delivery left idles (delay()) until
-- the run ends; should one still ask for a request it gets GET /robots.txt, never an event again. If the file runs
-- out before the duration, wrk's requests/s understates the rate (webhooks.sh warns: raise EVENTS).
-- WRK_REPEAT=1 cycles through the file instead (for deliveries the server keeps nothing of, e.g. malformed events).
-- RATE=<requests/s> paces all connections together to about that rate (like fixed-rate.lua; needs CONNECTIONS).
-- WRK_CHECK_DUPLICATE=1 also reads every answer and counts {"duplicate":true} / false (slower: bodies go to Lua).
local threads = {}
local next_id = 0

function setup(thread)
    thread:set("tid", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

function init(args)
    local n = tonumber(os.getenv("WRK_THREADS"))
    local headers = { ["Content-Type"] = "application/json" }
    deliveries = {}
    local i = 0
    for line in io.lines(os.getenv("EVENTS_FILE")) do
        if i % n == tid then
            local tab = line:find("\t", 1, true)
            headers["Stripe-Signature"] = line:sub(1, tab - 1)
            deliveries[#deliveries + 1] = wrk.format("POST", nil, headers, line:sub(tab + 1))
        end
        i = i + 1
    end
    available = #deliveries
    repeat_all = os.getenv("WRK_REPEAT") == "1"
    filler = wrk.format("GET", "/robots.txt", {})
    sent, fillers, duplicate, stored, other = 0, 0, 0, 0, 0
end

function request()
    if tid == 0 and not verified then
        -- wrk calls thread 0's request() once before the run, only to parse it: don't spend a delivery on that.
        verified = true
        return filler
    end
    if repeat_all then
        sent = sent + 1
        return deliveries[(sent - 1) % #deliveries + 1]
    end
    if sent < #deliveries then
        sent = sent + 1
        return deliveries[sent]
    end
    fillers = fillers + 1
    return filler
end

local rate = tonumber(os.getenv("RATE") or "")
local pace = rate and math.floor(1000 * tonumber(os.getenv("CONNECTIONS")) / rate) or 0

function delay()
    return (repeat_all or sent < #deliveries) and pace or 3600000
end

if os.getenv("WRK_CHECK_DUPLICATE") == "1" then
    function response(status, headers, body)
        if body:find('"duplicate":true', 1, true) then
            duplicate = duplicate + 1
        elseif body:find('"duplicate":false', 1, true) then
            stored = stored + 1
        else
            other = other + 1
        end
    end
end

function done(summary, latency, requests)
    local total = { sent = 0, available = 0, fillers = 0, duplicate = 0, stored = 0, other = 0 }
    for _, thread in ipairs(threads) do
        for k, _ in pairs(total) do
            total[k] = total[k] + thread:get(k)
        end
    end
    -- Machine-readable for webhooks.sh.
    io.write(string.format("EVENTS sent=%d available=%d fillers=%d duplicate=%d stored=%d other=%d\n",
        total.sent, total.available, total.fillers, total.duplicate, total.stored, total.other))
end
