import Foundation
import WatchfloorCore
import WatchfloorUI

/// What `watchfloor run` was asked to do.
public struct RunOptions: Sendable {
    public var replayFiles: [String]
    /// Times real time; nil is as fast as possible.
    public var speed: Double?
    public var storePath: String?
    /// A layout name from `layouts/`, or nil to choose by the terminal's size.
    public var layout: String?
    /// `zh` or `en`; nil follows the locale.
    public var language: String?
    public var operatorID: String
    /// `operator` or `observer`.
    public var role: String = "operator"
    /// `--headless`: play to the end without a terminal and print the screen at this size.
    public var snapshot: (width: Int, height: Int)?
    /// Live feeds the console reads itself: `--feed NAME=URL`, `--feeds FILE`, `--feed-key`.
    public var feeds: [String] = []
    public var feedsFile: String?
    public var feedKeys: [String] = []
    /// `--mix`: live feeds and a replay in one console, everything of it training.
    public var mix = false
    /// `--jurisdiction ADCODE`: the city or county this console covers.
    public var jurisdiction: String?

    public init(replayFiles: [String], speed: Double?, storePath: String?, layout: String?, language: String?, operatorID: String, snapshot: (width: Int, height: Int)? = nil) {
        self.snapshot = snapshot
        self.replayFiles = replayFiles
        self.speed = speed
        self.storePath = storePath
        self.layout = layout
        self.language = language
        self.operatorID = operatorID
    }

    /// The values `--role` takes.
    public static let roles = Role.allCases.map(\.rawValue)

    /// The values `--lang` takes.
    public static let languages = Language.allCases.map(\.rawValue)

    /// The pace of the bundled training scenario when none is asked for: the Jinan
    /// rainstorm's six hours in six minutes, a report every few seconds.
    public static let trainingSpeed = 60.0

    /// `120x40` → (120, 40).
    public static func parseSize(_ text: String) -> (width: Int, height: Int)? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w >= 1, h >= 1, w <= 1000, h <= 500 else { return nil }
        return (w, h)
    }

    /// The login name, for `--operator`'s default.
    public static func loginName(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let user = environment["USER"], !user.isEmpty { return user }
        if let name = getlogin() { return String(cString: name) }
        return "operator"
    }
}
