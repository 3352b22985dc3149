// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pawsguard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pawsguard", targets: ["pawsguard"]),
        .library(name: "PawsCore", targets: ["PawsCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // libssh 0.10 as Debian 12 ships it.
        .systemLibrary(
            name: "CLibSSH",
            pkgConfig: "libssh",
            providers: [.apt(["libssh-dev"])]
        ),
        // A small Swift API over libssh: sessions, host keys, auth, exec.
        .target(name: "PawsSSH", dependencies: ["CLibSSH"]),
        // Pure core: values and text in, values and text out. No sockets, no terminals.
        .target(name: "PawsCore", dependencies: ["Yams"]),
        // Orchestration: transports, fleet runner, rollout, journal.
        .target(name: "PawsFleet", dependencies: ["PawsCore", "PawsSSH"]),
        // The only target that touches stdin/stdout/stderr and imports ArgumentParser.
        .executableTarget(
            name: "pawsguard",
            dependencies: [
                "PawsCore", "PawsFleet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PawsCoreTests", dependencies: ["PawsCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PawsSSHTests", dependencies: ["PawsSSH"]),
        .testTarget(name: "PawsFleetTests", dependencies: ["PawsFleet", "PawsCore"]),
        // Runs the built `pawsguard` binary against real sshd hosts (scripts/testfleet); the load tests
        // also drive PawsFleet in-process, to count its threads and descriptors before and after.
        .testTarget(name: "IntegrationTests", dependencies: ["PawsCore", "PawsFleet"]),
    ],
    swiftLanguageModes: [.v6]
)
