// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "EvalNorm",
    products: [
        .library(name: "EvalNorm", targets: ["EvalNorm"]),
        .executable(name: "evalnorm", targets: ["evalnorm"]),
        .executable(name: "evalnorm-bench", targets: ["evalnorm-bench"]),
    ],
    targets: [
        // The library: JSON core, schemas, model, codecs. No dependencies beyond Foundation.
        .target(name: "EvalNorm"),
        // The command-line tool's logic, kept in a library so tests can run it in-process.
        .target(name: "EvalNormCLI", dependencies: ["EvalNorm"]),
        // A thin `main.swift` around EvalNormCLI.
        .executableTarget(name: "evalnorm", dependencies: ["EvalNormCLI"]),
        // EvalNorm against Foundation on the same generated data, in the same run.
        .executableTarget(name: "evalnorm-bench", dependencies: ["EvalNorm", "EvalNormCLI"]),
        .testTarget(
            name: "EvalNormTests",
            dependencies: ["EvalNorm", "EvalNormCLI"],
            // Read from the source tree through #filePath, not bundled.
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
