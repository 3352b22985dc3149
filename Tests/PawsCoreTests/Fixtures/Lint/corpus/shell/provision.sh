#!/bin/bash
set -euo pipefail
sysctl -w net.ipv4.tcp_tw_recycle=1
sysctl net.ipv4.tcp_tw_recycle="1"
sudo sysctl -q -w 'net.ipv4.tcp_tw_recycle=1'
/sbin/sysctl -w net/ipv4/tcp_tw_recycle=1
echo 1 > /proc/sys/net/ipv4/tcp_tw_recycle
echo "1" | sudo tee /proc/sys/net/ipv4/tcp_tw_recycle >/dev/null
printf '1\n' >/proc/sys/net/ipv4/tcp_timestamps
echo "net.ipv4.tcp_tw_recycle = 1" >> /etc/sysctl.conf
printf 'net.ipv4.tcp_tw_recycle=1\nnet.ipv4.tcp_timestamps=0\n' > /etc/sysctl.d/99-tw.conf
cat > /etc/sysctl.d/60-net.conf <<EOF
# written by provision.sh
net.ipv4.tcp_fin_timeout = 10
net.ipv4.tcp_tw_recycle = 1
EOF
sudo tee -a /etc/sysctl.conf <<-'SYSCTL'
	net.ipv4.tcp_timestamps = 0
	SYSCTL
sh -c 'sysctl -w net.ipv4.tcp_tw_recycle=1'
ssh root@db1 "sysctl -w net.ipv4.tcp_tw_recycle=1 && sysctl -p"
sed -i 's/^net.ipv4.tcp_tw_recycle.*/net.ipv4.tcp_tw_recycle = 1/' /etc/sysctl.conf
SETTINGS="net.core.somaxconn=1024 net.ipv4.tcp_tw_recycle=1"
declare -A TUNING=([net.ipv4.tcp_timestamps]=0 [net.core.netdev_max_backlog]=5000)
for kv in net.ipv4.tcp_tw_recycle=1 net.ipv4.tcp_fin_timeout=10; do sysctl -w "$kv"; done
docker run --rm --sysctl net.ipv4.tcp_tw_recycle=1 alpine true
kubectl exec mysql-0 -- sysctl -w net.ipv4.tcp_tw_recycle=1
sysctl -w \
    net.ipv4.tcp_fin_timeout=10 \
    net.ipv4.tcp_tw_recycle=yes
