-- Requests as many learners at once: each request takes the next line of TOKENS_FILE (one library token per line,
-- thread i of WRK_THREADS starting at line i) as its Authorization: Bearer, with METHOD (GET) and, for a write, BODY
-- sent as application/json. The path is wrk's URL.
local next_id = 0

function setup(thread)
    thread:set("tid", next_id)
    next_id = next_id + 1
end

function init(args)
    tokens = {}
    for line in io.lines(os.getenv("TOKENS_FILE")) do
        tokens[#tokens + 1] = line
    end
    method = os.getenv("METHOD") or "GET"
    body = os.getenv("BODY")
    at = tid % #tokens
end

function request()
    at = at % #tokens + 1
    local headers = { ["Authorization"] = "Bearer " .. tokens[at] }
    if body then
        headers["Content-Type"] = "application/json"
    end
    return wrk.format(method, nil, headers, body)
end
