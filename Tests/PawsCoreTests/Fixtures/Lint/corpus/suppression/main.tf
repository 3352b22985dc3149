locals {
  // pawsguard: ignore[tw-recycle-nat] test environment only
  sysctls = { "net.ipv4.tcp_tw_recycle" = "1" }
}
