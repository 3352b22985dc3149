#!/bin/sh
# None of these set tcp_tw_recycle to a non-zero value.
# sysctl -w net.ipv4.tcp_tw_recycle=1
#echo 1 > /proc/sys/net/ipv4/tcp_tw_recycle
sysctl net.ipv4.tcp_tw_recycle
sysctl -n net.ipv4.tcp_timestamps
cat /proc/sys/net/ipv4/tcp_tw_recycle
grep -q 'net.ipv4.tcp_tw_recycle = 1' /etc/sysctl.conf && echo "found it"
grep -q net.ipv4.tcp_tw_recycle=1 /etc/sysctl.conf || true
sysctl -w net.ipv4.tcp_tw_reuse=1
sysctl -w net.ipv4.tcp_tw_recycle=0
echo 0 > /proc/sys/net/ipv4/tcp_tw_recycle
sed -i 's/net.ipv4.tcp_tw_recycle = 1/net.ipv4.tcp_tw_recycle = 0/' /etc/sysctl.conf
echo "tcp_tw_recycle was removed in Linux 4.12"
echo "Do not set net.ipv4.tcp_tw_recycle=1 on servers"
sysctl -w net.ipv4.tcp_tw_recycle="$TW_RECYCLE"
sysctl -w net.ipv4.tcp_tw_recycle_extra=1
sysctl -w net.ipv4.tcp_timestamps=1
cat > /etc/sysctl.d/50-safe.conf <<'EOF2'
# net.ipv4.tcp_tw_recycle = 1
; net.ipv4.tcp_timestamps = 0
net.ipv4.tcp_tw_reuse = 1
EOF2
value=$(sysctl -n net.ipv4.tcp_tw_recycle)
if [ "$(cat /proc/sys/net/ipv4/tcp_tw_recycle)" = 1 ]; then echo "tw_recycle is on" >&2; fi
