/// A kernel release string as `uname -r` prints it (`/proc/sys/kernel/osrelease`), split into
/// the upstream version and the distribution's local suffix.
///
/// The string starts with at least `major.minor`; everything after the numbers is the local
/// version: `-1160.el7.x86_64` (RHEL/CentOS), `-91-generic` (Ubuntu), `-13-amd64` (Debian),
/// `-lp150.12.82-default` (SUSE), `-rc3` (release candidate), `+debug`, or nothing (busybox and
/// hand-built kernels). WSL adds a fourth number (`5.15.167.4-microsoft-standard-WSL2`).
///
/// The upstream version says which upstream features a kernel has, but distributions backport
/// fixes within a version (RHEL 7's 3.10 carries thousands of later patches). For a feature that
/// shows in `/proc` — such as `tcp_tw_recycle` — what the probe finds there is the ground
/// truth; the version is the fallback when it could not be read (see `KernelFeature`).
public struct KernelRelease: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The release string, trimmed of surrounding blanks.
    public let release: String
    public let version: KernelVersion
    /// Numbers after `major.minor.patch` (WSL's fourth component), usually empty.
    public let extraNumbers: [Int]
    /// Everything after the numbers, e.g. `-1160.el7.x86_64`; empty for `4.9.118`.
    public let localVersion: String

    /// The longest release the kernel can report (`struct utsname` has 65 bytes with the NUL).
    public static let maximumLength = 64

    public static func parse(_ text: String) throws -> KernelRelease {
        let release = text.trimmingBlanks()
        guard !release.isEmpty else { throw KernelReleaseError.empty }
        guard release.utf8.count <= maximumLength else { throw KernelReleaseError.tooLong(release) }
        guard !release.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw KernelReleaseError.containsBlanks(release)
        }

        var numbers: [Int] = []
        var rest = Substring(release)
        while true {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { break }
            guard let number = Int(digits), number <= 100_000 else { throw KernelReleaseError.numberOutOfRange(release) }
            numbers.append(number)
            rest = rest.dropFirst(digits.count)
            // A dot continues the version only when a number follows it.
            guard rest.first == ".", let next = rest.dropFirst().first, next.isASCII, next.isNumber else { break }
            rest = rest.dropFirst()
        }
        guard numbers.count >= 2 else { throw KernelReleaseError.notAVersion(release) }

        return KernelRelease(
            release: release,
            version: KernelVersion(numbers[0], numbers[1], numbers.count > 2 ? numbers[2] : 0),
            extraNumbers: Array(numbers.dropFirst(3)),
            localVersion: String(rest))
    }

    /// A pre-release (`6.11.0-rc3`). Features merged for a version are already in its first
    /// release candidate, so a candidate counts as that version.
    public var isReleaseCandidate: Bool {
        localVersion.hasPrefix("-rc") && localVersion.dropFirst(3).first?.isNumber == true
    }

    public var description: String { release }
}

extension String {
    fileprivate func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0.isWhitespace || $0.isNewline }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
