/// Whether a host has a kernel feature, and how that is known.
public struct KernelFeatureEvidence: Sendable, Hashable, CustomStringConvertible {
    public enum Basis: Sendable, Hashable {
        /// Seen on the host itself.
        case observed
        /// Inferred from the upstream version.
        case kernelVersion(KernelVersion)
        case unknown
    }

    public let feature: KernelFeature
    /// nil when neither an observation nor the kernel version is available.
    public let isPresent: Bool?
    public let basis: Basis

    public init(feature: KernelFeature, isPresent: Bool?, basis: Basis) {
        self.feature = feature
        self.isPresent = isPresent
        self.basis = basis
    }

    public var description: String {
        let state: String
        switch isPresent {
        case true?: state = "present"
        case false?: state = "absent"
        case nil: state = "unknown"
        }
        switch basis {
        case .observed: return "\(feature): \(state) (observed on the host)"
        case .kernelVersion(let version): return "\(feature): \(state) (inferred from kernel \(version))"
        case .unknown: return "\(feature): unknown (neither observed nor kernel version known)"
        }
    }
}
