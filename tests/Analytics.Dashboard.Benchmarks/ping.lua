-- The ceiling: the app's trivial endpoint.
request = function() return wrk.format("GET", "/api/ping") end
