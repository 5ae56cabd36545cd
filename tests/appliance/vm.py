"""Talking to a QEMU machine from outside: QMP (screen dumps, input events, power) and the
guest agent (running a command in the guest, reading a file). Standard library only."""
import base64
import json
import socket
import time


class Channel:
    """A line-oriented JSON connection to a QEMU unix socket (QMP or the guest agent)."""

    def __init__(self, path, timeout=60):
        self.path = path
        self.sock = None
        self.buf = b""
        self.timeout = timeout

    def connect(self, wait=60):
        end = time.monotonic() + wait
        while True:
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(self.path)
                s.settimeout(self.timeout)
                self.sock = s
                return
            except OSError:
                s.close()
                if time.monotonic() > end:
                    raise
                time.sleep(0.1)

    def close(self):
        if self.sock:
            self.sock.close()
            self.sock = None
        self.buf = b""

    def send(self, obj):
        self.sock.sendall(json.dumps(obj).encode() + b"\n")

    def recv(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError(self.path + ": closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        line = line.strip().lstrip(b"\xff")
        return json.loads(line) if line else self.recv()


class QMP(Channel):
    def connect(self, wait=60):
        super().connect(wait)
        self.recv()  # the greeting
        self.execute("qmp_capabilities")

    def execute(self, cmd, **args):
        msg = {"execute": cmd}
        if args:
            msg["arguments"] = args
        self.send(msg)
        while True:
            r = self.recv()
            if "event" in r:
                continue
            if "error" in r:
                raise RuntimeError("%s: %s" % (cmd, r["error"].get("desc")))
            return r.get("return")

    def screendump(self, path, device=None):
        args = {"filename": path}
        if device:
            args["device"] = device
        self.execute("screendump", **args)

    def pointer(self, x, y, width, height, down=None):
        """Moves the absolute pointer to (x, y) of a width x height screen, and presses or
        lets go of its button when `down` is given."""
        scale = lambda v, n: int(round(v * 32767 / max(n - 1, 1)))
        events = [
            {"type": "abs", "data": {"axis": "x", "value": scale(x, width)}},
            {"type": "abs", "data": {"axis": "y", "value": scale(y, height)}},
        ]
        if down is not None:
            events.append({"type": "btn", "data": {"down": down, "button": "left"}})
        self.execute("input-send-event", events=events)


class Agent(Channel):
    """The QEMU guest agent (qemu-guest-agent in the guest, on a virtio serial port)."""

    def execute(self, cmd, **args):
        msg = {"execute": cmd}
        if args:
            msg["arguments"] = args
        self.send(msg)
        r = self.recv()
        if "error" in r:
            raise RuntimeError("%s: %s" % (cmd, r["error"].get("desc")))
        return r.get("return")

    def sync(self, wait=120):
        """Waits until the agent answers (it starts late in boot)."""
        end = time.monotonic() + wait
        while True:
            try:
                if not self.sock:
                    Channel.connect(self, wait=1)
                self.sock.settimeout(2)
                token = int(time.monotonic() * 1000) % 2**31
                self.sock.sendall(b"\xff")
                self.send({"execute": "guest-sync-delimited", "arguments": {"id": token}})
                while True:
                    r = self.recv()
                    if r.get("return") == token:
                        self.sock.settimeout(self.timeout)
                        return
            except (OSError, ValueError, ConnectionError):
                self.close()
                if time.monotonic() > end:
                    raise TimeoutError("the guest agent does not answer")
                time.sleep(0.5)

    def run(self, argv, timeout=120, check=True):
        """Runs argv in the guest; returns (exit code, stdout, stderr) as text."""
        pid = self.execute("guest-exec", path=argv[0], arg=list(argv[1:]),
                           **{"capture-output": True})["pid"]
        end = time.monotonic() + timeout
        while True:
            st = self.execute("guest-exec-status", pid=pid)
            if st.get("exited"):
                break
            if time.monotonic() > end:
                raise TimeoutError("guest command did not finish: %s" % " ".join(argv))
            time.sleep(0.1)
        out = base64.b64decode(st.get("out-data", "")).decode(errors="replace")
        err = base64.b64decode(st.get("err-data", "")).decode(errors="replace")
        code = st.get("exitcode", -1)
        if check and code != 0:
            raise RuntimeError("guest: %s exited %s: %s%s" % (" ".join(argv), code, out, err))
        return code, out, err

    def sh(self, script, **kw):
        return self.run(["/bin/sh", "-c", script], **kw)

    def read_file(self, path):
        h = self.execute("guest-file-open", path=path, mode="r")
        data = b""
        try:
            while True:
                r = self.execute("guest-file-read", handle=h, count=1 << 20)
                data += base64.b64decode(r["buf-b64"])
                if r.get("eof") or not r["count"]:
                    break
        finally:
            self.execute("guest-file-close", handle=h)
        return data

    def write_file(self, path, data):
        h = self.execute("guest-file-open", path=path, mode="w")
        try:
            for i in range(0, len(data), 1 << 16):
                chunk = base64.b64encode(data[i:i + (1 << 16)]).decode()
                self.execute("guest-file-write", handle=h, **{"buf-b64": chunk})
        finally:
            self.execute("guest-file-close", handle=h)
