#!/usr/bin/env python3
"""Holds slow uploads against a loopback server from one client address, the way issue #11's
attack did: each connection sends a POST head announcing a body, then one body byte every few
seconds. Connections the server closes (408, or 503 when refused) are reopened, so the address
keeps as many connections as the server lets it hold.

Usage: slow_uploads.py PORT COUNT SECONDS [SOURCE_ADDRESS] [DRIP_INTERVAL]
Prints once a second: open connections, refusals (503), timeouts (408), other closes.
Loopback only; SOURCE_ADDRESS defaults to 127.0.0.2 (Linux answers all of 127.0.0.0/8), so
wrk on 127.0.0.1 is another client.
"""
import resource
import select
import socket
import sys
import time

port, count, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
source = sys.argv[4] if len(sys.argv) > 4 else "127.0.0.2"
interval = float(sys.argv[5]) if len(sys.argv) > 5 else 6.0
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 1024), hard))
HEAD = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n"
counts = {"refused": 0, "timed_out": 0, "other": 0}


def open_one():
    s = socket.socket()
    # IP_BIND_ADDRESS_NO_PORT (24): pick the port at connect, or thousands of binds to port 0 crawl.
    s.setsockopt(socket.SOL_IP, 24, 1)
    s.bind((source, 0))
    s.setblocking(False)
    try:
        s.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    return s


pending = {}  # socket -> next drip time; a socket not yet sent its head has time 0
reopen = [0.0] * count  # when to open replacement connections: refused ones wait a second
end = time.time() + seconds
next_report = time.time() + 1
while time.time() < end:
    now = time.time()
    due = [t for t in reopen if t <= now]
    reopen = [t for t in reopen if t > now]
    for _ in due:
        pending[open_one()] = 0.0
    poller = select.poll()  # not select(): descriptors above 1024 are expected
    by_fd = {s.fileno(): s for s in pending}
    for fd in by_fd:
        poller.register(fd, select.POLLIN)
    for fd, _ in poller.poll(50):
        s = by_fd[fd]
        try:
            data = s.recv(4096)
        except OSError:
            data = b""
        refused = b" 503 " in data[:16]
        if refused:
            counts["refused"] += 1
        elif b" 408 " in data[:16]:
            counts["timed_out"] += 1
        else:
            counts["other"] += 1
        del pending[s]
        s.close()
        reopen.append(now + (1.0 if refused else 0.0))
    for s, due in list(pending.items()):
        if due > now:
            continue
        try:
            s.send(HEAD if due == 0.0 else b"a")
            pending[s] = now + interval
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            del pending[s]
            s.close()
            counts["other"] += 1
            reopen.append(now + 1.0)
    if now >= next_report:
        next_report = now + 1
        print(f"open {len(pending)} refused {counts['refused']} timed_out {counts['timed_out']} "
              f"other {counts['other']}", flush=True)
