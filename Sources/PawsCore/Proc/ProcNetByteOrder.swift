/// The byte order of the host that produced a `/proc/net/tcp` text.
///
/// The kernel prints each address as the 32-bit words it stores in network byte order, but
/// formatted as host integers (`%08X`). On a little-endian host (x86, arm64) the bytes of each
/// word therefore appear reversed: 127.0.0.1 is `0100007F`, and `::1` is
/// `00000000000000000000000001000000`. On a big-endian host (s390x, big-endian POWER) the hex
/// reads in network order. Ports are printed after conversion to host order and need no care.
public enum ProcNetByteOrder: String, Sendable, Hashable, Codable {
    case littleEndian
    case bigEndian
}
