#!/bin/bash
# HTTP benchmark: http-example-server vs nginx, one after the other, loopback only.
# Usage (from the package root): bash Tests/Benchmarks/HTTP/run.sh
set -e
swift build -c release --product http-example-server
mkdir -p /tmp/nginx-bench/www
ulimit -n "$(ulimit -Hn)"   # 10 000 idle connections need more than the default 1024
.build/release/http-example-server 18080 > /tmp/http-example-server.log 2>&1 &
SERVER=$!
sleep 1
curl -s http://127.0.0.1:18080/ > /tmp/nginx-bench/www/payload.json
echo "payload bytes: $(wc -c < /tmp/nginx-bench/www/payload.json)"
wrk -t2 -c100 -d3s http://127.0.0.1:18080/ > /dev/null   # warm-up
echo "== http-example-server"; wrk -t2 -c100 -d10s --latency http://127.0.0.1:18080/
kill -TERM $SERVER; wait $SERVER || true
nginx -c "$PWD/Tests/Benchmarks/HTTP/nginx.conf" -p /tmp/nginx-bench/
sleep 1
cmp /tmp/nginx-bench/www/payload.json <(curl -s http://127.0.0.1:18090/) 2>/dev/null || true
wrk -t2 -c100 -d3s http://127.0.0.1:18090/ > /dev/null   # warm-up
echo "== nginx"; wrk -t2 -c100 -d10s --latency http://127.0.0.1:18090/
kill -QUIT "$(cat /tmp/nginx-bench/nginx.pid)"
echo "== 10 000 idle keep-alive connections"
.build/release/http-example-server 18080 > /tmp/http-example-server.log 2>&1 &
SERVER=$!
sleep 1
python3 Tests/Benchmarks/HTTP/idle_connections.py 18080 10000 $SERVER 3
kill -TERM $SERVER; wait $SERVER || true
