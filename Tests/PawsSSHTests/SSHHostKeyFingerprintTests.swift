import PawsSSH
import XCTest

final class SSHHostKeyFingerprintTests: XCTestCase {
    func testOpenSSHFormIsUnpaddedBase64OfTheDigest() {
        // SHA-256 of "paws"; base64 ends in one '=' that OpenSSH drops.
        let digest: [UInt8] = [
            6, 58, 216, 99, 253, 122, 12, 92, 241, 35, 128, 119, 175, 176, 142, 135,
            53, 193, 141, 99, 234, 44, 63, 187, 22, 235, 110, 224, 149, 161, 109, 239,
        ]
        let fingerprint = SSHHostKeyFingerprint(keyType: "ssh-ed25519", sha256Digest: digest)
        XCTAssertEqual(fingerprint.sha256, "SHA256:BjrYY/16DFzxI4B3r7COhzXBjWPqLD+7Futu4JWhbe8")
        XCTAssertEqual(fingerprint.description, "ssh-ed25519 SHA256:BjrYY/16DFzxI4B3r7COhzXBjWPqLD+7Futu4JWhbe8")
    }

    func testAllZeroDigestHasNoPadding() {
        let form = SSHHostKeyFingerprint.openSSHForm(sha256Digest: [UInt8](repeating: 0, count: 32))
        XCTAssertEqual(form, "SHA256:" + String(repeating: "A", count: 43))
    }
}
