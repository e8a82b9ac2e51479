-- Paces each connection so that all of them together send about RATE requests per second (wrk has no rate flag).
local rate = tonumber(os.getenv("RATE"))
local connections = tonumber(os.getenv("CONNECTIONS"))
function delay()
    return math.floor(1000 * connections / rate)
end
