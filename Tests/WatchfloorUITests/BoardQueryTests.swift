import Testing
@testable import WatchfloorCore
@testable import WatchfloorUI

/// The board's rows come in the order each sort promises, on a real board: the query sorts
/// on keys copied out of the incidents, and must agree with sorting the incidents themselves.
@Suite("Board rows")
struct BoardQueryTests {
    static let board = WidgetFixture.jinanBoard(until: "2026-07-15T19:00:00+08:00")

    /// The promised order, written the plain way.
    static func expected(_ sort: BoardSort, filter: (Incident) -> Bool = { $0.isOpen }) -> [String] {
        board.incidents.filter(filter).sorted { x, y in
            let a = Board.number(of: x.id)!, b = Board.number(of: y.id)!
            switch sort {
            case .level:
                if x.level != y.level { return x.level < y.level }
                return x.lastReport != y.lastReport ? x.lastReport > y.lastReport : a < b
            case .recent:
                return x.lastReport != y.lastReport ? x.lastReport > y.lastReport : a < b
            case .place:
                let p = x.placement.countyCode ?? "~", q = y.placement.countyCode ?? "~"
                if p != q { return p < q }
                return x.level != y.level ? x.level < y.level : a < b
            }
        }.map(\.id)
    }

    static func ids(_ rows: [Int32]) -> [String] { rows.map { board.incidents[Int($0)].id } }

    @Test("each sort orders the open incidents as promised", arguments: BoardSort.allCases)
    func sorted(_ sort: BoardSort) {
        let rows = BoardQuery.rows(of: Self.board, filter: BoardFilter(), sort: sort, gazetteer: MapFixture.gazetteer)
        #expect(Self.board.incidents.count > 5)
        #expect(Self.ids(rows) == Self.expected(sort))
    }

    @Test("a filter keeps its own incidents in the same order", arguments: BoardSort.allCases)
    func filtered(_ sort: BoardSort) throws {
        let filter = try BoardFilter.parse("all", gazetteer: MapFixture.gazetteer)
        let rows = BoardQuery.rows(of: Self.board, filter: filter, sort: sort, gazetteer: MapFixture.gazetteer)
        #expect(Self.ids(rows) == Self.expected(sort) { _ in true })
    }
}
