import XCTest
@testable import PawsCore

final class SysctlPathTests: XCTestCase {
    func testNormalizeResolvesDotsAndEmptyComponents() {
        XCTAssertEqual(SysctlPath.normalize("/etc/sysctl.d/../sysctl.conf"), "/etc/sysctl.conf")
        XCTAssertEqual(SysctlPath.normalize("/etc//sysctl.d/./99.conf"), "/etc/sysctl.d/99.conf")
        XCTAssertEqual(SysctlPath.normalize("/../etc/"), "/etc")
        XCTAssertEqual(SysctlPath.normalize("etc/sysctl.conf"), "/etc/sysctl.conf")
        XCTAssertEqual(SysctlPath.normalize("/"), "/")
        XCTAssertEqual(SysctlPath.normalize(""), "/")
    }

    /// The fast path must answer exactly when the slow path would return its input unchanged.
    func testIsNormalizedAgreesWithNormalize() {
        let paths = [
            "/", "", "/etc", "/etc/", "etc", "//etc", "/etc//x", "/etc/.", "/etc/..", "/etc/./x", "/etc/../x",
            "/.", "/..", "/...", "/etc/...", "/etc/.hidden.conf", "/etc/..conf", "/etc/x.", "/a/b/c.conf",
            "/etc/sysctl.d/99-sysctl.conf", "/é/ü.conf", "/a/.../b", "/a/.b/c", "/./", "/a/b/",
        ]
        for path in paths {
            XCTAssertEqual(SysctlPath.isNormalized(path), SysctlPath.normalize(path) == path, "\(path)")
        }
    }

    func testDirectoryAndBasename() {
        XCTAssertEqual(SysctlPath.directory(of: "/etc/sysctl.d/99.conf"), "/etc/sysctl.d")
        XCTAssertEqual(SysctlPath.directory(of: "/sysctl.conf"), "/")
        XCTAssertEqual(SysctlPath.basename(of: "/etc/sysctl.d/./99.conf"), "99.conf")
    }
}
