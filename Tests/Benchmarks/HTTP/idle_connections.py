#!/usr/bin/env python3
"""Opens N keep-alive connections to a loopback server, sends one request on each,
then holds them idle and prints the server's resident memory (VmRSS).

Usage: idle_connections.py PORT COUNT SERVER_PID [HOLD_SECONDS]
Connections come from 127.0.0.1, 127.0.0.2, … (200 each), since the server caps connections per
client address. Loopback only; raise the file limit first (the script raises its own soft limit).
"""
import resource
import socket
import sys
import time

port, count, pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
hold = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 1024), hard))


def rss_kib():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


before = rss_kib()
sockets = []
for _ in range(count):
    # From 127.0.0.1, 127.0.0.2, …: 200 connections per address, under the server's per-address cap (256).
    s = socket.create_connection(("127.0.0.1", port), source_address=(f"127.0.{len(sockets) // 200 // 254}.{len(sockets) // 200 % 254 + 1}", 0))
    s.sendall(b"GET / HTTP/1.1\r\nHost: bench\r\n\r\n")
    sockets.append(s)
answered = 0
for s in sockets:
    data = s.recv(65536)
    if data.startswith(b"HTTP/1.1 200"):
        answered += 1
time.sleep(hold)
after = rss_kib()
print(f"connections={count} answered={answered} rss_before_kib={before} rss_after_kib={after} "
      f"per_connection_bytes={(after - before) * 1024 // max(count, 1)}")
# Check they are still open (keep-alive, not closed by the server).
still_open = 0
for s in sockets:
    s.setblocking(False)
    try:
        still_open += 1 if s.recv(1) != b"" else 0
    except BlockingIOError:
        still_open += 1
print(f"still_open={still_open}")
