import Foundation
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

    public init(replayFiles: [String], speed: Double?, storePath: String?, layout: String?, language: String?, operatorID: String) {
        self.replayFiles = replayFiles
        self.speed = speed
        self.storePath = storePath
        self.layout = layout
        self.language = language
        self.operatorID = operatorID
    }

    /// The values `--lang` takes.
    public static let languages = Language.allCases.map(\.rawValue)

    /// The pace of the bundled training scenario when none is asked for: the Jinan
    /// rainstorm's six hours in six minutes, a report every few seconds.
    public static let trainingSpeed = 60.0

    /// The login name, for `--operator`'s default.
    public static func loginName(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let user = environment["USER"], !user.isEmpty { return user }
        if let name = getlogin() { return String(cString: name) }
        return "operator"
    }
}
