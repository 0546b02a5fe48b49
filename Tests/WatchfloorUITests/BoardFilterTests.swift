import Testing
@testable import WatchfloorCore
@testable import WatchfloorUI

@Suite("The board filter")
struct BoardFilterTests {
    let gazetteer = MapFixture.gazetteer

    @Test("words are read by field, in English or Chinese; bare words search titles and places")
    func parse() throws {
        let f = try BoardFilter.parse("level:I,II agency:消防 cat:flood place:济南 暴雨", gazetteer: gazetteer)
        #expect(f.levels == [.I, .II])
        #expect(f.agencies == [.fire])
        #expect(f.categories == [.flood])
        #expect(f.places == ["370100"])
        #expect(f.words == ["暴雨"])
        #expect(try BoardFilter.parse("cell:c7", gazetteer: gazetteer).cell?.cell.description == "C7")
        #expect(try BoardFilter.parse("", gazetteer: gazetteer).isEmpty)
    }

    @Test("a word that cannot be read is refused, naming the word and what it should be")
    func refusals() {
        #expect(throws: BoardFilter.Problem(word: "level:V", reason: "level is I, II, III or IV")) {
            try BoardFilter.parse("level:V", gazetteer: gazetteer)
        }
        #expect(throws: BoardFilter.Problem(word: "place:火星", reason: "no city or county named \"火星\"")) {
            try BoardFilter.parse("place:火星", gazetteer: gazetteer)
        }
    }

    @Test("the query keeps what the filter names, hides closed incidents unless asked, and sorts gravest first")
    func query() throws {
        let board = WidgetFixture.jinanBoard()
        let all = BoardQuery.rows(of: board, filter: BoardFilter(), sort: .level, gazetteer: gazetteer)
        #expect(all.count == board.openIncidents.count)
        let levels = all.map { board.incidents[Int($0)].level }
        #expect(levels == levels.sorted())
        let iii = BoardQuery.rows(of: board, filter: try BoardFilter.parse("level:III", gazetteer: gazetteer), sort: .level, gazetteer: gazetteer)
        #expect(!iii.isEmpty && iii.allSatisfy { board.incidents[Int($0)].level == .III })
        let tianqiao = BoardQuery.rows(of: board, filter: try BoardFilter.parse("place:天桥区", gazetteer: gazetteer), sort: .recent, gazetteer: gazetteer)
        #expect(!tianqiao.isEmpty && tianqiao.allSatisfy { board.incidents[Int($0)].placement.countyCode == "370105" })
        let none = BoardQuery.rows(of: board, filter: try BoardFilter.parse("no-such-words", gazetteer: gazetteer), sort: .level, gazetteer: gazetteer)
        #expect(none.isEmpty)
    }
}
