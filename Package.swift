// swift-tools-version:6.0
import PackageDescription

// Layers, each knowing only the ones above it in this list:
//   IcplsDocument (text, positions, JSONC syntax tree)
//   IcplsCore     (workspace model, rules, settings, fixes)
//   IcplsJSONRPC  (base protocol framing, JSON values, JSON-RPC messages; knows no rules)
//   IcplsCLI, IcplsServer (front ends; the CLI writes its JSON formats with IcplsJSONRPC values)
//   icpls         (the executable)
//   icpls-bench, icpls-fuzz (benchmarks and fuzzing, beside the product)
let strictSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "icpls",
    products: [
        .executable(name: "icpls", targets: ["icpls"]),
    ],
    targets: [
        .target(name: "IcplsDocument", swiftSettings: strictSettings),
        .target(name: "IcplsCore", dependencies: ["IcplsDocument"], swiftSettings: strictSettings),
        .target(name: "IcplsJSONRPC", swiftSettings: strictSettings),
        .target(name: "IcplsCLI", dependencies: ["IcplsCore", "IcplsJSONRPC"], swiftSettings: strictSettings),
        .target(name: "IcplsServer", dependencies: ["IcplsCore", "IcplsJSONRPC"], swiftSettings: strictSettings),
        .executableTarget(name: "icpls", dependencies: ["IcplsCLI", "IcplsServer"], swiftSettings: strictSettings),
        .executableTarget(name: "icpls-bench", dependencies: ["IcplsCore", "IcplsJSONRPC"], swiftSettings: strictSettings),
        .executableTarget(
            name: "icpls-fuzz", dependencies: ["IcplsCore", "IcplsDocument", "IcplsJSONRPC"], swiftSettings: strictSettings
        ),
        .testTarget(name: "IcplsDocumentTests", dependencies: ["IcplsDocument"], swiftSettings: strictSettings),
        .testTarget(name: "IcplsCoreTests", dependencies: ["IcplsCore"], swiftSettings: strictSettings),
        .testTarget(name: "IcplsJSONRPCTests", dependencies: ["IcplsJSONRPC"], swiftSettings: strictSettings),
        .testTarget(name: "IcplsFuzzTests", dependencies: ["icpls-fuzz", "IcplsDocument"], swiftSettings: strictSettings),
        .testTarget(
            name: "IcplsEndToEndTests",
            dependencies: ["icpls", "IcplsJSONRPC", "IcplsDocument", "IcplsCore", "IcplsCLI"],
            swiftSettings: strictSettings
        ),
    ]
)
