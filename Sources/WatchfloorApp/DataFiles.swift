import Foundation

/// Finds the bundled data (`demo-data/`, `layouts/`) and the state directory. Nothing is
/// downloaded at run time; the data ships with the checkout.
public struct DataFiles: Sendable {
    public let root: URL

    /// `$WATCHFLOOR_HOME`, else the checkout the binary was built in, else the current directory.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(AppError) -> DataFiles {
        var candidates: [URL] = []
        if let home = environment["WATCHFLOOR_HOME"] { candidates.append(URL(fileURLWithPath: home)) }
        // .build/<triple>/<config>/watchfloor → the package root is three or four levels up.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir)
            dir.deleteLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for c in candidates where FileManager.default.fileExists(atPath: c.appendingPathComponent("demo-data/geo/shandong.json").path) {
            return DataFiles(root: c)
        }
        throw AppError("cannot find demo-data/ (looked beside the binary and in the current directory); set WATCHFLOOR_HOME to the Watchfloor checkout")
    }

    public var geography: URL { root.appendingPathComponent("demo-data/geo/shandong.json") }
    public var units: URL { root.appendingPathComponent("demo-data/units.json") }
    public var layouts: URL { root.appendingPathComponent("layouts") }
    public func scenario(_ name: String) -> URL { root.appendingPathComponent("demo-data/scenarios/\(name).jsonl") }

    /// `$XDG_STATE_HOME/watchfloor`, falling back to `~/.local/state/watchfloor`.
    public static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("watchfloor")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/watchfloor")
    }

    /// The store used when a command is given none: `$WATCHFLOOR_STORE` (a floor sets it once
    /// to its shared board), else `watchfloor.db` in the state directory.
    public static func defaultStorePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        configuredStore(environment: environment) ?? stateDirectory(environment: environment).appendingPathComponent("watchfloor.db").path
    }

    /// `$WATCHFLOOR_STORE`, when set.
    public static func configuredStore(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        environment["WATCHFLOOR_STORE"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A failure a subcommand reports as one line on stderr, with a non-zero exit.
public struct AppError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var exitCode: Int32
    /// The store could not be reached (`StoreError.unreachable`): a console waits for it
    /// rather than stop.
    public var storeUnreachable: Bool
    public init(_ message: String, exitCode: Int32 = 1, storeUnreachable: Bool = false) {
        self.message = message
        self.exitCode = exitCode
        self.storeUnreachable = storeUnreachable
    }
    public var description: String { message }
}
