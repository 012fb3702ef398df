"""A reference receiver for hogo's webhook systems: Python's standard library only.

It keeps a `members` table (id, name, email, phone) in a SQLite file, checks every request's
signature and timestamp, refuses a message it has seen, and answers, signed:
disclosure or purposes -> the person's rows; deletion -> the rows deleted, each read back.
Any other kind is refused with 422, which the desk sees on the request's step.

    WEBHOOK_SECRET=... python webhook_receiver.py members.sqlite cert.pem key.pem 8443

Declare it in the policy as `[systems.webhook] url = "https://<host>:8443/"` with
`secret_env` naming the variable that holds the same secret in hogo's environment.
"""

import contextlib
import hashlib
import hmac
import json
import os
import sqlite3
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WINDOW = 300  # seconds a signed message stays acceptable


def sign(secret: bytes, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret, str(timestamp).encode() + b"." + body, hashlib.sha256)
    return "v1=" + mac.hexdigest()


class Receiver(ThreadingHTTPServer):
    def __init__(self, port: int, db: str, secret: bytes, cert: str, key: str) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.socket = context.wrap_socket(self.socket, server_side=True)
        self.db, self.secret = db, secret
        self.seen: dict[str, float] = {}  # signatures of the window: a replay is refused
        self.lock = threading.Lock()

    def accept(self, timestamp: str, signature: str, body: bytes) -> bool:
        now = time.time()
        if not timestamp.isdigit() or abs(now - int(timestamp)) > WINDOW:
            return False
        if not hmac.compare_digest(sign(self.secret, int(timestamp), body), signature):
            return False
        with self.lock:
            self.seen = {s: t for s, t in self.seen.items() if now - t <= 2 * WINDOW}
            if signature in self.seen:
                return False
            self.seen[signature] = now
        return True

    def answer(self, request: dict) -> tuple[int, dict]:
        """The answer to a request (a repeated request id is answered again, not refused)."""
        emails = request["identity"].get("email", [])
        marks = ",".join("?" * len(emails))
        with sqlite3.connect(self.db) as db:
            db.row_factory = sqlite3.Row
            query = f"SELECT * FROM members WHERE email IN ({marks})"  # noqa: S608 (? marks)
            rows = db.execute(query, emails)
            found = [dict(row) for row in rows]
            if request["kind"] in ("disclosure", "purposes"):
                return 200, {"request": request["request"], "tables": {"members": found}}
            if request["kind"] != "deletion":
                return 422, {"request": request["request"], "error": "kind not handled here"}
            ids = [row["id"] for row in found]
            db.executemany("DELETE FROM members WHERE id = ?", [(i,) for i in ids])
            db.commit()
            marks = ",".join("?" * len(ids))
            query = f"SELECT id FROM members WHERE id IN ({marks})"  # noqa: S608 (? marks)
            read = db.execute(query, ids)
            left = {row[0] for row in read}  # the read-back, after the commit
        checks = [{"table": "members", "key": i, "column": None, "ok": i not in left} for i in ids]
        return 200, {
            "request": request["request"],
            "changed": {"members": len(ids)} if ids else {},
            "checks": checks,
            "verified": all(c["ok"] for c in checks),
        }


class Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:  # the standard library's name
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        timestamp = self.headers.get("X-Hogo-Timestamp", "")
        if not self.server.accept(timestamp, self.headers.get("X-Hogo-Signature", ""), body):
            return self.reply(401, {"error": "bad signature, stale timestamp or replay"})
        status, data = self.server.answer(json.loads(body))
        self.reply(status, data)

    def reply(self, status: int, data: dict) -> None:
        body = json.dumps(data, ensure_ascii=False).encode()
        timestamp = int(time.time())
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Hogo-Timestamp", str(timestamp))
        self.send_header("X-Hogo-Signature", sign(self.server.secret, timestamp, body))
        self.end_headers()
        # hogo may have stopped waiting (its timeout): it sends the request again
        with contextlib.suppress(ConnectionError, ssl.SSLError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # requests carry personal data: nothing is logged


if __name__ == "__main__":
    db, cert, key, port = sys.argv[1:5]
    Receiver(int(port), db, os.environ["WEBHOOK_SECRET"].encode(), cert, key).serve_forever()
