// swift-tools-version:6.0
import Foundation
import PackageDescription

// The fuzzers live in their own package so that the sanitizer flags never touch the main build and
// the `pawsguard` executable is never linked into a fuzzer. The main package is referenced by path;
// its identity is the name of the directory it was checked out into.
let mainPackageDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let mainPackage = mainPackageDirectory.lastPathComponent

/// One executable per fuzzer; `scripts/fuzz` runs each in turn.
let fuzzers = [
    "FuzzSysctlParser", "FuzzSysctlPrecedence", "FuzzInventoryINI", "FuzzInventoryYAML", "FuzzPlaybook",
    "FuzzProbeOutput", "FuzzNetstat", "FuzzTCPTable", "FuzzKernelRelease", "FuzzCapture",
    "FuzzCaptureCorrelate", "FuzzAuditReport", "FuzzLint",
]

let package = Package(
    name: "PawsFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: mainPackageDirectory.path),
    ],
    targets: [
        .target(name: "LibFuzzerEntry"),
        .target(name: "FuzzSupport", dependencies: [.product(name: "PawsCore", package: mainPackage)]),
    ] + fuzzers.map { name in
        .executableTarget(
            name: name,
            dependencies: ["LibFuzzerEntry", "FuzzSupport", .product(name: "PawsCore", package: mainPackage)]
        )
    },
    swiftLanguageModes: [.v6]
)
