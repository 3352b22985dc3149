/// The per-peer timestamp memory of a Linux server with `tcp_tw_recycle=1` (the inet_peer / tcp_metrics
/// `tcp_ts` and `tcp_ts_stamp`), modelled from what the capture shows.
///
/// Linux drops a SYN when it remembered a TSval for the peer's *address* less than 60 s ago and the SYN's
/// TSval is more than one tick older (`(s32)(remembered - tsval) > TCP_PAWS_WINDOW`). The kernel updates
/// its memory when a connection ends; pawsguard updates it from every timestamped segment the address sends
/// (except SYNs the rule itself would drop), the closest the capture alone allows.
struct PeerTimestampMemory: Sendable, Hashable {
    private(set) var value: UInt32 = 0
    private(set) var recordedAt: Int64 = 0
    private(set) var isSet = false

    /// Whether a SYN carrying `tsval` at `now` falls foul of the remembered value.
    @inline(__always)
    func rejects(_ tsval: UInt32, at now: Int64, window: Int64, tolerance: Int32) -> Bool {
        isSet && now - recordedAt <= window && Int32(bitPattern: value &- tsval) > tolerance
    }

    /// The value a SYN is compared with, if one is still binding at `now`.
    @inline(__always)
    func bindingValue(at now: Int64, window: Int64) -> UInt32? {
        isSet && now - recordedAt <= window ? value : nil
    }

    /// Remembers `tsval` when it is newer than the remembered one or that one has expired (the kernel's rule).
    @inline(__always)
    mutating func remember(_ tsval: UInt32, at now: Int64, window: Int64) {
        if !isSet || Int32(bitPattern: tsval &- value) >= 0 || now - recordedAt > window {
            value = tsval
            recordedAt = now
            isSet = true
        }
    }
}
