// swift-tools-version:6.1
import PackageDescription

// The layering (README, "Layout of the code"): Core is pure; only Store talks to a database;
// only Terminal talks to ncurses; App wires them; the executable only parses arguments.
// Linux only: the terminal is libncursesw and the feeds use POSIX sockets and threads.
let package = Package(
    name: "Watchfloor",
    products: [
        .executable(name: "watchfloor", targets: ["watchfloor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(
            name: "WatchfloorCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "WatchfloorFeeds", dependencies: ["WatchfloorCore"]),
        .target(
            name: "WatchfloorStore",
            dependencies: [
                "WatchfloorCore", .product(name: "GRDB", package: "GRDB.swift"),
                // The C API itself, for the one hot loop that binds log lines (SQLiteInsert).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // The shared store (`postgres://`), driven through its EventLoopFuture API (PostgresBridge).
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "WatchfloorUI",
            dependencies: ["WatchfloorCore", .product(name: "Yams", package: "Yams")]
        ),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "WatchfloorTerminal", dependencies: ["WatchfloorUI", "CNcursesw"]),
        .target(
            name: "WatchfloorApp",
            dependencies: [
                "WatchfloorCore", "WatchfloorFeeds", "WatchfloorStore", "WatchfloorUI", "WatchfloorTerminal",
                // The feeds file (`--feeds feeds.yaml`).
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "watchfloor",
            dependencies: ["WatchfloorApp", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `make bench`: the cost of one report as the number of open incidents grows.
        .executableTarget(
            name: "correlation-cost",
            dependencies: ["WatchfloorCore"],
            path: "Benchmarks/CorrelationCost"
        ),
        // `make bench`: the cost of building one frame of the default layout at 200×60.
        .executableTarget(
            name: "frame-cost",
            dependencies: ["WatchfloorCore", "WatchfloorUI"],
            path: "Benchmarks/FrameCost"
        ),
        // `make bench`: an operator's command from decision to durable commit.
        .executableTarget(
            name: "commit-latency",
            dependencies: ["WatchfloorCore", "WatchfloorStore"],
            path: "Benchmarks/CommitLatency"
        ),
        // `make bench`: SQLite alone storing a replay's log rows, the floor of the replay's speed.
        .executableTarget(
            name: "sqlite-floor",
            dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")],
            path: "Benchmarks/SQLiteFloor"
        ),
        .testTarget(name: "WatchfloorCoreTests", dependencies: ["WatchfloorCore"]),
        .testTarget(name: "WatchfloorFeedsTests", dependencies: ["WatchfloorFeeds", "WatchfloorCore"]),
        .testTarget(name: "WatchfloorStoreTests", dependencies: ["WatchfloorStore", "WatchfloorCore"]),
        .testTarget(name: "WatchfloorTerminalTests", dependencies: ["WatchfloorTerminal"]),
        .testTarget(name: "WatchfloorUITests", dependencies: ["WatchfloorUI", "WatchfloorCore"]),
        .testTarget(name: "WatchfloorAppTests", dependencies: ["WatchfloorApp", "WatchfloorCore", "WatchfloorStore", "WatchfloorUI"]),
    ],
    swiftLanguageModes: [.v6]
)

// `make fuzz` only: libFuzzer targets (Fuzz/). They link only when built with
// `-sanitize=fuzzer` (libFuzzer's driver is in its runtime); declaring them only when asked
// keeps them out of `swift build` and `swift build --build-tests`.
if Context.environment["WATCHFLOOR_FUZZ"] != nil {
    package.products += [
        .executable(name: "fuzz-cloudevents", targets: ["CloudEventsFuzz"]),
        .executable(name: "fuzz-cap", targets: ["CAPFuzz"]),
    ]
    package.targets += [
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["WatchfloorCore", "CLibFuzzer"], path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "CloudEventsFuzz", dependencies: ["WatchfloorCore", "FuzzSupport"], path: "Fuzz/CloudEventsFuzz"),
        .executableTarget(name: "CAPFuzz", dependencies: ["WatchfloorCore", "FuzzSupport"], path: "Fuzz/CAPFuzz"),
    ]
}
