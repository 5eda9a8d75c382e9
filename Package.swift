// swift-tools-version: 6.0
import PackageDescription

// Report plugins live in `Plugins/<Name>/`. SwiftPM reserves that folder name for *package*
// plugins by convention, so each report plugin here is an ordinary library target declared with
// an explicit `path:`. Adding a plugin: a folder, a target below, a line in
// `Sources/BuiltInPlugins/BuiltInPlugins.swift`.
let reportPlugins: [(name: String, path: String)] = [
    ("CovidMobility", "Plugins/CovidMobility"),
    ("FlowMonitoring", "Plugins/FlowMonitoring"),
    ("Indicators", "Plugins/Indicators"),
    ("ReturneeMovements", "Plugins/ReturneeMovements"),
    ("SituationReports", "Plugins/SituationReports"),
]

let package = Package(
    name: "dtm-report",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dtm-report", targets: ["dtm-report"]),
        .library(name: "ReportKit", targets: ["ReportKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // Only the tests use it, to write workbooks with a ZIP writer other than the reader's own.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
    ],
    targets: [
        .target(
            name: "ReportKit",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Ink", package: "Ink"),
                "CSHA256",
                "CLineIndex",
                "CFileExchange",
                "CInflate",
            ]
        ),
        // The cells of a plain CSV line found with vector instructions (`CSVReader.nextPlainLine`).
        .target(name: "CLineIndex"),
        // SHA-256 compression in C, for the SHA instructions Swift cannot issue (`SHA256.swift`).
        .target(name: "CSHA256"),
        // The one-step exchange of the staged and the published month (`renameat2` on Linux).
        .target(name: "CFileExchange"),
        // Raw DEFLATE and CRC-32 from the system's zlib, for the workbook's ZIP entries (`ZipArchive.swift`).
        .target(name: "CInflate", linkerSettings: [.linkedLibrary("z")]),
        .target(
            name: "BuiltInPlugins",
            dependencies: ["ReportKit"] + reportPlugins.map { .target(name: $0.name) }
        ),
        .executableTarget(
            name: "dtm-report",
            dependencies: [
                "ReportKit",
                "BuiltInPlugins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers the test targets share: temporary folders, golden files, the repository's paths.
        .target(
            name: "TestSupport",
            dependencies: ["ReportKit"]
        ),
        .testTarget(
            name: "ReportKitTests",
            dependencies: ["ReportKit", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "PluginTests",
            dependencies: ["ReportKit", "BuiltInPlugins", "TestSupport"] + reportPlugins.map { .target(name: $0.name) }
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ReportKit", "BuiltInPlugins", "TestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden"]
        ),
    ] + reportPlugins.map { plugin in
        // `Examples/` holds each plugin's example inputs and golden outputs, read by the tests.
        .target(name: plugin.name, dependencies: ["ReportKit"], path: plugin.path, exclude: ["Examples"])
    }
)

// libFuzzer targets (`Fuzz/run.sh`), declared only when DTM_FUZZ=1 so that ordinary builds and
// `swift test` never see them. Each target exports `LLVMFuzzerTestOneInput` and its `main` hands
// over to libFuzzer's driver (`Fuzz/Driver`).
if Context.environment["DTM_FUZZ"] == "1" {
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/Driver"))
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["ReportKit", "BuiltInPlugins"], path: "Fuzz/Support"))
    for (name, folder) in [("fuzz-csv", "CSV"), ("fuzz-reports-yaml", "ReportsYAML"), ("fuzz-template", "Template"), ("fuzz-workbook", "Workbook"), ("fuzz-indicators-params", "IndicatorsParams")] {
        package.targets.append(.executableTarget(name: name, dependencies: ["ReportKit", "FuzzSupport", "FuzzDriver"], path: "Fuzz/\(folder)"))
    }
}
