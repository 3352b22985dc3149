#!/bin/sh
sysctl -w net.ipv4.tcp_tw_recycle=1 # pawsguard: ignore[tw-recycle-nat] lab machine, reimaged nightly
sysctl -w net.ipv4.tcp_tw_recycle=1
echo done # pawsguard: ignore[tw-recycle-nat] a trailing comment only covers its own line
sysctl -w net.ipv4.tcp_tw_recycle=1
