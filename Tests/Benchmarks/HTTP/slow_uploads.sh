#!/bin/bash
# Ordinary requests' latency while one client address holds slow uploads on as many connections as
# the per-address cap allows (issue #11). Loopback only.
# Usage (from the package root): bash Tests/Benchmarks/HTTP/slow_uploads.sh [ATTEMPTED_CONNECTIONS]
# The uploads come from 127.0.0.2, wrk from 127.0.0.1; the attacker tries ATTEMPTED_CONNECTIONS
# (default 1000) and keeps what the server's cap (default 256) lets it hold.
# SERVER=path/to/http-example-server runs another build (such as one from before the cap) instead.
set -e
ATTEMPTS=${1:-1000}
if [ -z "$SERVER" ]; then
    swift build -c release --product http-example-server
    SERVER=.build/release/http-example-server
fi
ulimit -n "$(ulimit -Hn)"
"$SERVER" 18080 > /tmp/http-example-server.log 2>&1 &
SERVER_PID=$!
trap 'kill -TERM $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null || true' EXIT
sleep 1
wrk -t2 -c64 -d3s http://127.0.0.1:18080/ > /dev/null   # warm-up
echo "== alone"; wrk -t2 -c64 -d10s --latency http://127.0.0.1:18080/
python3 Tests/Benchmarks/HTTP/slow_uploads.py 18080 "$ATTEMPTS" 40 > /tmp/slow_uploads.log &
UPLOADS=$!
sleep "${SETTLE:-5}"
echo "== with slow uploads from 127.0.0.2: $(tail -1 /tmp/slow_uploads.log)"
wrk -t2 -c64 -d10s --latency http://127.0.0.1:18080/
echo "slow uploads after wrk: $(tail -1 /tmp/slow_uploads.log)"
kill $UPLOADS; wait $UPLOADS 2>/dev/null || true
echo "server log: $(grep -cE 'refused|rejected' /tmp/http-example-server.log) refusals logged"
