import Foundation

/// Why a geography file was refused: where in the file, and what is wrong there.
public struct GazetteerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A JSON path as in the file, such as `counties[12].rings[0][3]`; empty when the problem is
    /// the file as a whole (a missing top-level key, not JSON at all).
    public let path: String
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        path.isEmpty ? "geography file: \(problem)" : "geography file: \(path): \(problem)"
    }
}
