# socket over loopback and socketpairs: TCP, UDP, AF_UNIX, timeouts, non-blocking mode, makefile, errors
import socket
srv = socket.create_server(("127.0.0.1", 0))
host, port = srv.getsockname()
print(host, type(port).__name__, srv.family, srv.type, repr(srv.family))
c = socket.create_connection(("127.0.0.1", port), timeout=5)
conn, addr = srv.accept()
print(addr[0], type(conn).__name__, conn.getpeername() == c.getsockname())
c.sendall(b"hello world\n" * 3)
print(conn.recv(12), conn.recv(100))
conn.sendall(b"back")
print(c.recv(10))
conn.settimeout(0.2)
try:
    conn.recv(10)
except TimeoutError as e:
    print("TimeoutError", e)
conn.setblocking(False)
try:
    conn.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
print(conn.gettimeout(), c.gettimeout(), srv.gettimeout(), conn.getblocking())
c.close(); conn.close(); srv.close()
print(repr(c))
a, b = socket.socketpair()
with a, b:
    a.sendall("ünïcode".encode())
    print(b.recv(100).decode())
    f = b.makefile("rb")
    a.sendall(b"line1\nline2\nrest")
    a.shutdown(socket.SHUT_WR)
    print(f.readline(), f.readline(), f.read())
    f.close()
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"dgram", u1.getsockname())
data, frm = u1.recvfrom(100)
print(data, frm == u2.getsockname())
u1.close(); u2.close()
print(socket.inet_aton("1.2.3.4"), socket.inet_ntoa(b"\x7f\x00\x00\x01"), socket.htons(1), socket.ntohl(1))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, bytes(15) + b"\x01"))
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
for bad in [lambda: socket.inet_aton("x.y"), lambda: socket.htons(70000), lambda: socket.socket().bind("x"),
            lambda: socket.socket().bind(("127.0.0.1", 70000)), lambda: socket.getaddrinfo("no.such.host.invalid", 80),
            lambda: socket.socket().recv(-1), lambda: socket.socket().settimeout(-1),
            lambda: socket.create_connection(("127.0.0.1", 1))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
s = socket.socket()
s.close()
try:
    s.recv(1)
except OSError as e:
    print("closed:", e.errno)
print(socket.socket().fileno() >= 0, isinstance(socket.error(), OSError), socket.timeout is TimeoutError)
print(issubclass(socket.gaierror, OSError), socket.SocketType is socket.socket)
import os, tempfile
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as srv:
        srv.bind(path)
        srv.listen()
        print(srv.getsockname() == path, srv.family, srv.type)
        with socket.socket(socket.AF_UNIX) as c:
            c.connect(path)
            conn, _ = srv.accept()
            with conn:
                c.sendall(b"over unix")
                print(conn.recv(100))
                print(c.connect_ex(path))
a, b = socket.socketpair()
buf = bytearray(8)
a.sendall(b"0123456789")
print(b.recv_into(buf), buf, b.recv_into(memoryview(buf)[2:], 2), buf)
w = a.makefile("wb")
w.write(b"x" * 10000)
w.flush()
got = 0
b.settimeout(1)
while got < 10000:
    got += len(b.recv(4096))
print("received", got)
w.close()
print(a.fileno() >= 0)
a.close()
print(b.recv(10), "(end of stream)")
b.close()
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout())
s.close()
socket.setdefaulttimeout(None)
print(socket.getfqdn("127.0.0.1") != "", type(socket.gethostname()).__name__)
# text files over a socket: decoding across reads, universal newlines
a, b = socket.socketpair()
r = b.makefile("r", encoding="utf-8")
wt = a.makefile("w", encoding="utf-8")
wt.write("ünï\r\nsecond line\n")
wt.write("no newline")
wt.close()
a.shutdown(socket.SHUT_WR)
print(repr(r.readline()), repr(r.readline()), repr(r.read()))
r.close()
a.close(); b.close()
