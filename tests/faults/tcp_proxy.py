"""A loopback TCP proxy a test can cut: threads, no dependencies.

`cut()` closes every open connection (with a reset) and stops accepting, so clients see refusals;
`blackhole()` accepts connections but forwards nothing (a hung network: only timeouts end it);
`restore()` forwards again on the same port.
"""
import contextlib
import socket
import struct
import threading


class TcpProxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = None
        self.mode = "forward"
        self._listener = None
        self._conns = set()
        self._lock = threading.Lock()
        self._stopped = threading.Event()

    # -- lifecycle
    def start(self):
        self._listen()
        return self

    def _listen(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port or 0))
        sock.listen(128)
        self.port = sock.getsockname()[1]
        self._listener = sock
        threading.Thread(target=self._accept, args=(sock,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            if self.mode == "blackhole":
                self._track(client)
                continue
            if self.mode != "forward":
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=2)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            self._track(client)
            self._track(upstream)
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client), daemon=True).start()

    def _track(self, sock):
        with self._lock:
            self._conns.add(sock)

    def _pipe(self, src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    # -- faults
    def _drop_all(self):
        with self._lock:
            conns, self._conns = self._conns, set()
        for sock in conns:
            # shutdown first: it wakes the pipe thread blocked in recv() (a bare close would not,
            # and the connection would live on); the server then ends its session and rolls back.
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.close()

    def _close_listener(self):
        if self._listener is not None:
            # shutdown wakes the thread blocked in accept(); close alone would leave it accepting.
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None

    def cut(self):
        """Reset every connection and refuse new ones."""
        self.mode = "cut"
        self._close_listener()
        self._drop_all()

    def blackhole(self):
        """Reset open connections; accept new ones but never answer."""
        self.cut()
        self.mode = "blackhole"
        self._listen()

    def restore(self):
        self._close_listener()
        self._drop_all()
        self.mode = "forward"
        self._listen()

    def close(self):
        self.cut()
