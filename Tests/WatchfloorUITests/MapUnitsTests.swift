import Testing
@testable import WatchfloorCore
@testable import WatchfloorUI

/// Units out on incidents are drawn where they are; units at home are not.
@Suite("Map units")
struct MapUnitsTests {
    static let layout = MapMarksTests.layout

    /// A board with one incident in Lixia and one unit in the given state, at `position` or,
    /// when that is nil, at its station in Qingdao.
    static func board(unit status: UnitStatus, position: GeoPoint?) -> Board {
        var board = MapFixture.board([(MapFixture.lixia, .II)])
        var unit = Unit(id: "FIRE-3702-01", agency: .fire, kind: "engine", name: "市南消防站一号车", adcode: "370202", station: "市南消防站", home: MapFixture.qingdao)
        unit.status = status
        unit.position = position
        unit.incident = status == .available ? nil : board.incidents[0].id
        board.units[unit.id] = unit
        board.incidents[0].units = unit.incident == nil ? [] : [unit.id]
        return board
    }

    static func character(of point: GeoPoint, in canvas: Canvas) throws -> Cell {
        let (x, y) = try #require(layout.character(of: point))
        return canvas[layout.map.x + x, layout.map.y + y]
    }

    @Test("a unit sent or on its way shows > at its station until it reports a position")
    func moving() throws {
        for status in [UnitStatus.dispatched, .enroute] {
            let canvas = MapMarksTests.draw(Self.board(unit: status, position: nil))
            let cell = try Self.character(of: MapFixture.qingdao, in: canvas)
            #expect(cell.text == ">", "\(status)")
            #expect(cell.style == MapUnits.style)
        }
    }

    @Test("a unit on scene at its incident underlines the incident's mark, which it never hides")
    func onSceneAtIncident() throws {
        let canvas = MapMarksTests.draw(Self.board(unit: .onscene, position: MapFixture.lixia))
        let cell = try Self.character(of: MapFixture.lixia, in: canvas)
        #expect(cell.text == String(LevelMark.glyph(.II)))
        #expect(cell.style.underline)
        #expect(cell.style.role == LevelMark.role(.II))
        #expect(try Self.character(of: MapFixture.qingdao, in: canvas).text != "o", "drawn at its position, not its station")
    }

    @Test("a unit on scene away from any incident mark shows o")
    func onSceneAlone() throws {
        let canvas = MapMarksTests.draw(Self.board(unit: .onscene, position: MapFixture.yantai))
        #expect(try Self.character(of: MapFixture.yantai, in: canvas).text == "o")
    }

    @Test("free, returning and out-of-service units are not drawn, and the incident is not underlined")
    func atHome() throws {
        for status in [UnitStatus.available, .returning, .outOfService] {
            let canvas = MapMarksTests.draw(Self.board(unit: status, position: nil))
            #expect(try Self.character(of: MapFixture.qingdao, in: canvas).text != ">", "\(status)")
            #expect(try Self.character(of: MapFixture.qingdao, in: canvas).text != "o", "\(status)")
            #expect(try !Self.character(of: MapFixture.lixia, in: canvas).style.underline, "\(status)")
        }
    }
}

/// The units column: how many, and the state of the one furthest along.
@Suite("Board units column")
struct AssignedUnitsTests {
    @Test("the furthest along of an incident's units leads; an unknown unit counts as sent")
    func lead() {
        var incident = MapFixture.board([(MapFixture.lixia, .III)]).incidents[0]
        #expect(AssignedUnits(incident, units: [:]) == nil)
        incident.units = ["A", "B", "C"]
        func unit(_ id: String, _ status: UnitStatus) -> Unit {
            var u = Unit(id: id, agency: .fire, kind: "engine", name: id, adcode: "370102", station: "", home: MapFixture.lixia)
            u.status = status
            return u
        }
        #expect(AssignedUnits(incident, units: [:]) == AssignedUnits(count: 3, lead: .dispatched))
        let units = ["A": unit("A", .returning), "B": unit("B", .onscene), "C": unit("C", .enroute)]
        #expect(AssignedUnits(incident, units: units) == AssignedUnits(count: 3, lead: .onscene))
        #expect(Strings(.zh).unitsCell(AssignedUnits(count: 3, lead: .onscene)) == "3 到场")
        #expect(Strings(.en).unitsCell(AssignedUnits(count: 2, lead: .enroute)) == "2 enroute")
        #expect(Strings(.en).unitsCell(AssignedUnits(count: 1, lead: .dispatched)) == "1 sent")
    }
}
