-- Every request gets its own query string, so no cached page can answer it: measures rendering.
local counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", wrk.path .. "?bench=" .. counter .. "-" .. math.random(1, 1000000000))
end
