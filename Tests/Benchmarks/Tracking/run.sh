#!/bin/bash
# Tracking benchmark: GET /api/v1/track on a 100 000-order database beside nginx serving the same bytes,
# alternating rounds in one run; then 1 000 different orders; then the three kinds of failed look-up,
# one request at a time. Needs wrk, nginx, curl and sqlite3.
# Usage (from the package root): bash Tests/Benchmarks/Tracking/run.sh [rounds, default 5]
set -e
ROUNDS=${1:-5}
DIR=/tmp/tracking-bench
TRACK='http://127.0.0.1:18080/api/v1/track?number=RS-7K2M-9QXD&surname=lukasiewicz'
mkdir -p $DIR/www
swift build -c release --product repairshop
rm -f $DIR/orders.sqlite*
.build/release/repairshop bench-data --database $DIR/orders.sqlite --orders 100000
.build/release/repairshop serve --database $DIR/orders.sqlite --port 18080 --no-rate-limit > $DIR/serve.log 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null; [ -f $DIR/nginx.pid ] && kill -QUIT "$(cat $DIR/nginx.pid)" 2>/dev/null || true' EXIT
sleep 1
curl -sf "$TRACK" > $DIR/www/track.json
nginx -c "$PWD/Tests/Benchmarks/Tracking/nginx.conf" -p $DIR/
sleep 1
cmp $DIR/www/track.json <(curl -sf http://127.0.0.1:18091/track.json)
echo "body bytes: $(wc -c < $DIR/www/track.json); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure() {  # prints "req/s p99"
    wrk -t2 -c100 -d10s --latency "$1" | awk '/Requests\/sec/{r=$2} / 99%/{p=$2} END{print r, p}'
}
wrk -t2 -c100 -d3s "$TRACK" > /dev/null   # warm-up
wrk -t2 -c100 -d3s http://127.0.0.1:18091/track.json > /dev/null
echo "| round | repairshop req/s | p99 | nginx req/s | p99 | repairshop / nginx |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for round in $(seq "$ROUNDS"); do
    read -r ours ours_p99 <<< "$(measure "$TRACK")"
    read -r theirs theirs_p99 <<< "$(measure http://127.0.0.1:18091/track.json)"
    awk -v n="$round" -v a="$ours" -v ap="$ours_p99" -v b="$theirs" -v bp="$theirs_p99" \
        'BEGIN { printf "| %d | %.0f | %s | %.0f | %s | %.0f %% |\n", n, a, ap, b, bp, 100 * a / b }'
done
echo
# 1 000 different orders, typed the forgiving way (lower case, spaces for dashes, surname in capitals).
sqlite3 $DIR/orders.sqlite "SELECT lower(replace(number, '-', ' ')) || '|' || upper(contact_surname)
    FROM orders ORDER BY random() LIMIT 1000" > $DIR/cases.txt
echo "1 000 different orders, typed the forgiving way (Tests/Benchmarks/Tracking/random.lua):"
TRACK_CASES=$DIR/cases.txt wrk -t2 -c100 -d10s --latency -s Tests/Benchmarks/Tracking/random.lua \
    http://127.0.0.1:18080 | grep -E "Requests/sec| 99%|Non-2xx|Socket errors" | sed 's/^/  /'
echo
echo "Failed look-ups, one connection, one request at a time (mean and median latency):"
for round in 1 2 3; do
    for query in 'number=RS-7K2M-9QXD&surname=nowak' 'number=RS-7K2M-9QXA&surname=lukasiewicz' \
        'number=garbage&surname=lukasiewicz'; do
        wrk -t1 -c1 -d4s --latency "http://127.0.0.1:18080/api/v1/track?$query" | awk -v q="$query" \
            '/Latency/ && !/Distribution/ {m=$2} / 50%/ {p=$2} END {printf "  %-42s mean %s  p50 %s\n", q, m, p}'
    done
done
