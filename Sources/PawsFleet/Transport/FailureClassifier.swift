import PawsCore
import PawsSSH

/// Maps whatever went wrong with a host to a report's `HostFailure`.
public enum FailureClassifier {
    public static func failure(from error: any Error) -> HostFailure {
        if let ssh = error as? SSHError {
            let kind: HostFailure.Kind
            switch ssh {
            case .unreachable, .connectionRefused, .connectionLost: kind = .unreachable
            case .timedOut: kind = .timeout
            case .hostKeyUnknown: kind = .hostKeyUnknown
            case .hostKeyChanged, .hostKeyOtherType: kind = .hostKeyChanged
            case .authenticationFailed, .encryptedKeyWithoutPassphrase, .keyPassphraseRejected, .keyFileUnreadable:
                kind = .authenticationFailed
            default: kind = .error
            }
            return HostFailure(kind: kind, message: "\(ssh)")
        }
        if error is ProbeError { return HostFailure(kind: .probeFailed, message: "\(error)") }
        return HostFailure(kind: .error, message: "\(error)")
    }
}
