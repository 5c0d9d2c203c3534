-- wrk script: POST one small deal (tier 1 in Kenya) as JSON. Use it against /api/v1/assessments
-- (dry run, read-only) or /api/v1/applications (creates a draft each time):
--   wrk -t2 -c16 -d10s -s bench/post-deal.lua -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/v1/assessments
wrk.method = "POST"
wrk.body = '{"endUser": {"name": "Wrk Cloud", "country": "KE"}, "destination": "KE", "endUse": "AI",'
    .. ' "lines": [{"item": "H100", "quantity": 8}]}'
wrk.headers["Content-Type"] = "application/json"
