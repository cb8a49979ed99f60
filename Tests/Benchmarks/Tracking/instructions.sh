#!/bin/bash
# Instructions per tracking request, counted by callgrind (repeatable where wall-clock rates on a shared
# machine are not): each given repairshop binary serves a copy of a 100 000-order database with one event
# loop, once with no request and once after N look-ups of different orders over one keep-alive connection;
# the difference divided by N is printed. Needs valgrind, sqlite3 and python3.
# Usage (from the package root): bash Tests/Benchmarks/Tracking/instructions.sh N BINARY [BINARY...]
#   e.g. after `swift build -c release` in two work trees:
#   bash Tests/Benchmarks/Tracking/instructions.sh 3000 /tmp/before/.build/release/repairshop .build/release/repairshop
set -e
N=$1; shift
DIR=/tmp/tracking-instructions
mkdir -p $DIR
if [ ! -f $DIR/orders.sqlite ]; then
    "$1" bench-data --database $DIR/orders.sqlite --orders 100000 > /dev/null
fi
sqlite3 $DIR/orders.sqlite "SELECT lower(replace(number, '-', ' ')) || '|' || upper(contact_surname)
    FROM orders ORDER BY id LIMIT $((N + 1))" > $DIR/cases.txt
count() {  # binary, requests -> total instructions
    rm -f $DIR/run.sqlite* $DIR/callgrind.out
    cp $DIR/orders.sqlite $DIR/run.sqlite
    valgrind --tool=callgrind --callgrind-out-file=$DIR/callgrind.out "$1" serve --database $DIR/run.sqlite \
        --port 18480 --threads 1 --no-rate-limit > $DIR/serve.log 2>&1 &
    local pid=$!
    # Wait for the start-up line, not with requests: each would add to the count.
    for _ in $(seq 600); do grep -q "is serving" $DIR/serve.log && break; sleep 0.2; done
    python3 - "$2" $DIR/cases.txt <<'PY'
import http.client, sys, urllib.parse
n = int(sys.argv[1]); cases = open(sys.argv[2]).read().split("\n")[:n]
connection = http.client.HTTPConnection("127.0.0.1", 18480)
for case in cases:
    number, surname = case.split("|")
    connection.request("GET", "/api/v1/track?" + urllib.parse.urlencode({"number": number, "surname": surname}))
    response = connection.getresponse(); response.read()
    assert response.status == 200, response.status
PY
    kill -TERM $pid; wait $pid || true
    awk '/^summary:/{print $2}' $DIR/callgrind.out
}
echo "| binary | instructions per tracking request | with no request |"
echo "| --- | ---: | ---: |"
for binary in "$@"; do
    idle=$(count "$binary" 1)
    busy=$(count "$binary" $((N + 1)))
    echo "| $binary | $(( (busy - idle) / N )) | $idle |"
done
