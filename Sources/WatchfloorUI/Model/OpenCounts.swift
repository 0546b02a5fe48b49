import WatchfloorCore

/// The open incidents on the board by level, as the status bar and the board's title show
/// them. Counted through a buffer, reading stored fields in place: iterating the array or
/// calling `isOpen` copies each whole incident, which with ten thousand of them cost more
/// than the rest of a frame (see MapMarks).
public struct OpenCounts: Sendable, Equatable {
    /// Indexed by `Level.rank - 1`.
    public private(set) var byRank = [0, 0, 0, 0]

    /// With a `jurisdiction`, only the incidents inside it count.
    public init(_ incidents: [Incident], within jurisdiction: Jurisdiction? = nil) {
        var counts = (0, 0, 0, 0)
        incidents.withUnsafeBufferPointer { incidents in
            for i in incidents.indices where MapMarks.isOpen(incidents[i].status) {
                if let jurisdiction, !jurisdiction.covers(incidents[i].placement) { continue }
                switch incidents[i].level {
                case .I: counts.0 += 1
                case .II: counts.1 += 1
                case .III: counts.2 += 1
                case .IV: counts.3 += 1
                }
            }
        }
        byRank = [counts.0, counts.1, counts.2, counts.3]
    }

    public subscript(level: Level) -> Int { byRank[level.rank - 1] }

    public var total: Int { byRank.reduce(0, +) }
}
