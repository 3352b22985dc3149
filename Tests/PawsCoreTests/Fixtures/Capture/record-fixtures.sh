#!/usr/bin/env bash
# Re-records the real captures in this folder (run as root; needs tcpdump and dumpcap from tshark).
# Every capture records the same loopback traffic at once:
#   127.77.0.2 -> 127.77.0.1: a SYN to a closed port (RST), a connection to an open port (answered),
#   four SYNs to a listener with backlog 0 that never accepts (the first is queued, the other three are
#   dropped and retransmitted), then, 1.5 s after those clients gave up, one more answered connection.
set -euo pipefail
cd "$(dirname "$0")"
filter='host 127.77.0.1'
pids=()
tcpdump -i lo -U --immediate-mode -Z root -w loopback-ethernet-usec.pcap "$filter" 2>/dev/null & pids+=($!)
tcpdump -i lo -U --immediate-mode -Z root --time-stamp-precision=nano -w loopback-ethernet-nsec.pcap "$filter" 2>/dev/null & pids+=($!)
tcpdump -i any -U --immediate-mode -Z root -w any-linux-cooked-v2.pcap "$filter" 2>/dev/null & pids+=($!)
tcpdump -i any -y LINUX_SLL -U --immediate-mode -Z root -w any-linux-cooked-v1.pcap "$filter" 2>/dev/null & pids+=($!)
dumpcap -q -i lo -f "$filter" -i any -f "$filter" -w lo-and-any.pcapng 2>/dev/null & pids+=($!)
sleep 2
python3 - <<'PYTHON'
import socket
import time

SERVER, CLIENT = "127.77.0.1", "127.77.0.2"


def connect(port):
    sock = socket.socket()
    sock.bind((CLIENT, 0))
    sock.setblocking(False)
    try:
        sock.connect((SERVER, port))
    except BlockingIOError:
        pass
    return sock


probe = socket.socket()
probe.bind((SERVER, 0))
closed_port = probe.getsockname()[1]
probe.close()
connect(closed_port)
time.sleep(0.05)

listener = socket.socket()
listener.bind((SERVER, 0))
listener.listen(8)
client = connect(listener.getsockname()[1])
time.sleep(0.05)
accepted, _ = listener.accept()
accepted.close()
client.close()

full = socket.socket()
full.bind((SERVER, 0))
full.listen(0)
waiting = [connect(full.getsockname()[1]) for _ in range(4)]
time.sleep(2.5)
for sock in waiting:
    sock.close()
time.sleep(1.5)
client = connect(listener.getsockname()[1])
time.sleep(0.05)
accepted, _ = listener.accept()
accepted.close()
client.close()
time.sleep(0.2)
PYTHON
sleep 1.5
kill -INT "${pids[@]}"
wait
chmod 644 ./*.pcap ./*.pcapng
