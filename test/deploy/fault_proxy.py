#!/usr/bin/env python3
"""An HTTP proxy on 127.0.0.1 that forwards to an AWS API emulator and injects
network faults into the answers of chosen query-protocol actions.

    fault_proxy.py --target http://127.0.0.1:PORT --port-file FILE
                   [--fault ACTION=hang|drop|delay:SECONDS[@N] ...]
                   [--max-requests N] [--max-seconds S] [--log FILE]

Faults, applied to requests whose form body says Action=ACTION (the first N of
them with @N, else every one):
  hang         read the request and never answer (the connection stays open)
  drop         forward it, then close the connection without answering
               (the emulator carried the request out; its answer is lost)
  delay:S      wait S seconds, then forward it

The proxy binds a free port and writes it to --port-file once it listens. It is
bounded: after --max-requests requests or --max-seconds seconds it exits, so a
test that forgets it cannot leave it behind. Each request is logged as one line
"ACTION FATE" to --log.
"""
import argparse
import http.client
import http.server
import os
import sys
import threading
import time
import urllib.parse


class Faults:
    def __init__(self, specs):
        self.lock = threading.Lock()
        self.rules = {}  # action -> [kind, seconds, remaining or None]
        for spec in specs:
            action, _, rule = spec.partition("=")
            rule, _, times = rule.partition("@")
            kind, _, seconds = rule.partition(":")
            if kind not in ("hang", "drop", "delay") or not action:
                sys.exit(f"fault_proxy: bad --fault {spec!r}")
            self.rules[action] = [kind, float(seconds or 0), int(times) if times else None]

    def take(self, action):
        with self.lock:
            rule = self.rules.get(action)
            if rule is None or rule[2] == 0:
                return None, 0.0
            if rule[2] is not None:
                rule[2] -= 1
            return rule[0], rule[1]


def make_handler(args, faults, log, counter):
    target = urllib.parse.urlsplit(args.target)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def handle_one(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            action = form.get("Action", [self.headers.get("X-Amz-Target", self.path)])[0]
            with counter["lock"]:
                counter["n"] += 1
                if counter["n"] > args.max_requests:
                    log(f"{action} over-limit")
                    os._exit(0)
            kind, seconds = faults.take(action)
            log(f"{action} {kind or 'pass'}")
            if kind == "hang":
                time.sleep(args.max_seconds)
                return
            if kind == "delay":
                time.sleep(seconds)
            upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "host")}
            headers["Host"] = self.headers.get("Host", target.netloc)
            upstream.request(self.command, self.path, body=body, headers=headers)
            answer = upstream.getresponse()
            data = answer.read()
            if kind == "drop":
                self.close_connection = True
                return
            self.send_response_only(answer.status, answer.reason)
            for k, v in answer.getheaders():
                if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = handle_one

    return Handler


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--target", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--fault", action="append", default=[])
    p.add_argument("--max-requests", type=int, default=1000)
    p.add_argument("--max-seconds", type=float, default=120)
    p.add_argument("--log", default=os.devnull)
    args = p.parse_args()
    faults = Faults(args.fault)
    log_file = open(args.log, "a", buffering=1)
    log_lock = threading.Lock()

    def log(line):
        with log_lock:
            log_file.write(line + "\n")

    counter = {"n": 0, "lock": threading.Lock()}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args, faults, log, counter))
    server.daemon_threads = True
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(tmp, args.port_file)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    time.sleep(args.max_seconds)
    os._exit(0)


if __name__ == "__main__":
    main()
