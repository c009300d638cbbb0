#!/usr/bin/env python3
"""A misbehaving language server for the end-to-end tests: it answers
initialize (with the capabilities icpls announces) and shutdown, exits on
exit, and otherwise publishes nothing and answers every request with null.
run-all.sh checks that nvim-e2e.sh and emacs-e2e.sh FAIL against it.
Like icpls, it is started as `silent-server.py lsp`."""
import json
import sys


def read_message(stream):
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(stream.read(length)) if length is not None else {}


def send(stream, message):
    body = json.dumps(message).encode("utf-8")
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def main():
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        message = read_message(stdin)
        if message is None:
            return 1
        method, ident = message.get("method"), message.get("id")
        if method == "exit":
            return 0
        if ident is None or method is None:
            continue  # a notification, or a response to one of our requests
        result = None
        if method == "initialize":
            result = {
                "capabilities": {
                    "textDocumentSync": {"openClose": True, "change": 2, "save": {}},
                    "codeActionProvider": {"codeActionKinds": ["quickfix"]},
                },
                "serverInfo": {"name": "silent-server"},
            }
        send(stdout, {"jsonrpc": "2.0", "id": ident, "result": result})


if __name__ == "__main__":
    sys.exit(main())
