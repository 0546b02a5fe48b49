/// The reports on the board, by key. A day holds a million of them: in a Dictionary each
/// ~230-byte Report sat in a bucket array kept at most three quarters full and doubled as it
/// grew, so the last resize held one and a half tables at once (most of a replay's peak
/// memory). Here the reports sit in one dense array and the dictionary only maps a key to
/// its row.
public struct ReportTable: Sendable, Equatable {
    private var rows: [Report] = []
    private var index: [ReportKey: Int32] = [:]

    public init() {}

    public var count: Int { rows.count }
    public var isEmpty: Bool { rows.isEmpty }

    public subscript(key: ReportKey) -> Report? {
        get { index[key].map { rows[Int($0)] } }
        set {
            if let row = index[key] {
                if let newValue { rows[Int(row)] = newValue } else { remove(key, at: Int(row)) }
            } else if let newValue {
                index[key] = Int32(rows.count)
                rows.append(newValue)
            }
        }
    }

    /// Whether a report with this key is on the board, without copying it out.
    public func contains(_ key: ReportKey) -> Bool { index[key] != nil }

    /// The last row moves into the hole, so rows stay dense.
    private mutating func remove(_ key: ReportKey, at row: Int) {
        index[key] = nil
        let last = rows.count - 1
        if row != last {
            rows[row] = rows[last]
            index[rows[row].key] = Int32(row)
        }
        rows.removeLast()
    }

    /// The same reports under the same keys, whatever order they came in.
    public static func == (a: ReportTable, b: ReportTable) -> Bool {
        a.count == b.count && a.index.allSatisfy { key, row in b[key] == a.rows[Int(row)] }
    }
}
