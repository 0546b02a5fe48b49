import Testing
@testable import WatchfloorCore
@testable import WatchfloorUI

/// Whole map screens, frozen after being read: the province, a zoomed city, and rectangles too
/// small for a map.
@Suite("Map golden screens")
struct MapGoldenTests {
    /// Two in Jinan's 历下区 (a level I and a III), one each in Qingdao (IV) and Heze (II),
    /// twelve in Yantai, and a closed one in Heze that must not show.
    static let board = MapFixture.board(
        [(MapFixture.lixia, .I), (MapFixture.lixia, .III), (MapFixture.qingdao, .IV), (MapFixture.heze, .II), (MapFixture.heze, .I)]
            + Array(repeating: (MapFixture.yantai, Level.III), count: 12),
        closed: [4]
    )

    static func lines(_ width: Int, _ height: Int, cursor: String, zoomCity: String? = nil, focus: Pane = .map, language: Language = .zh, widget: MapWidget = MapWidget()) -> [String] {
        let model = MapFixture.model(board, map: MapFixture.view(cursor: cursor, zoomCity: zoomCity), focus: focus, language: language)
        return MapFixture.draw(model, width: width, height: height, widget: widget).lines()
    }

    /// City lines only at this size: the province's 136 counties would be all line and no ground.
    static let province = [
        "┌ 2 地图 山东省 ───────────────────────────────────────────┐",
        "│    A  B  C  D  E  F  G  H  I  J  K  L  M  N  O  P        │",
        "│ 1                   ┌─┐                                  │",
        "│                   ┌─┘ ├────┐                             │",
        "│ 2            ┌────┤   └┐   └─┐       ┌─┐                 │",
        "│             ┌┘   ┌┘   ┌┘   ┌─┘    ┌──┘ └┐┌┐              │",
        "│ 3         ┌─┘  ┌─┤    │    │     ┌┘     └┘@──┬───┐       │",
        "│         ┌─┘    │ │┌──┐└┐ ┌─┴─┐  ┌┘          ┌┘   │       │",
        "│ 4      ┌┘ ┌┐  ┌┘ │└─┐└─┤┌┘   └─┬┼───┐   ┌───┘   ┌┘       │",
        "│       ┌┴──┘│  │  └─┐│  ├┘     ┌┴┘   │   └┐ ┌────┘        │",
        "│ 5    ┌┘    │ ┌┘2   ├┘ ┌┘      └┐    └─┬──┴─┘             │",
        "│      │     └┬┘  ┌┐ └┐ │        └─┐   ┌┘                  │",
        "│ 6    │    ┌─┼───┘│  │ └┐ ┌┐     ┌┘┌┐ │                   │",
        "│      │ ┌─┬┴─┘    └──┤┌┐└┬┘├┐   ┌┘ └+─┘                   │",
        "│ 7    └─┼┬┴┐┌─┐ ┌┐   ├┘└─┘┌┘└──┐│ ┌─┘                     │",
        "│      ┌─┘└┐└┘ └─┘└─┬─┘    │    └┼─┘                       │",
        "│ 8  ┌─┘   └┐       │      │    ┌┘                         │",
        "│   ┌┘  #   │    ┌──┤      └──┐┌┘                          │",
        "│ 9 └┐      │   ┌┘  └┐      ┌─┴┘                           │",
        "│    └─┐    └┬──┴┬┐  └┐    ┌┘                              │",
        "│10    └┐ ┌┐┌┘   └┼┐  ├┐ ┌─┘                               │",
        "│       └─┘└┘     └┴──┘└─┘                                 │",
        "│E5  济南市 市中区  未结事件 2 起                          │",
        "└──────────────────────────────────────────────────────────┘",
    ]

    @Test("the province at 60×24: outline, cities, grid references, marks and the footer")
    func provinceScreen() {
        #expect(Self.lines(60, 24, cursor: "E5", focus: .board) == Self.province)
    }

    @Test("zoomed on Jinan: the city's own grid and its counties' boundaries")
    func jinan() {
        #expect(Self.lines(60, 24, cursor: "F7", zoomCity: "370100") == [
            "┌ 2 地图 济南市 ───────────────────────────────────────────┐",
            "│     A    B    C    D    E    F    G    H    I            │",
            "│ 1                       ┌────┐                           │",
            "│                      ┌──┘    └──┐                        │",
            "│ 2                    │          │                        │",
            "│                      └┐        ┌┤                        │",
            "│ 3                     └┐   ┌───┘└┐                       │",
            "│                    ┌───┴───┘ ┌┐┌─┘                       │",
            "│ 4                 ┌┘        ┌┘└┤                         │",
            "│                   └─┐     ┌─┘  └────┐                    │",
            "│ 5                   ├──┐ ┌┴───┐     └┐                   │",
            "│                   ┌─┘  ├─┘    │      └─┐                 │",
            "│ 6               ┌┬┴─┐  │┌─┐   └┐       │                 │",
            "│               ┌─┘├──┴─2┴┤┌┘    │       └┐                │",
            "│ 7           ┌─┘  └┐  ┌──┴┘    ┌┘    ┌──┐│                │",
            "│             │     └──┤       ┌┼┐┌───┘  └┴┐               │",
            "│ 8        ┌──┘        └┐   ┌──┘│└┘        └──┐            │",
            "│      ┌───┴─┐   ┌┐┌┐   └┬──┘   └┐            └┐           │",
            "│ 9  ┌─┘  ┌──┴───┘└┘└────┘       └┐         ┌──┴┐          │",
            "│   ┌┘    └┐                      └┐     ┌──┘  ┌┘          │",
            "│10 └┐ ┌┐  │                       └───┐ └┐    └┐          │",
            "│    └─┘└──┘                           └──┴─────┘          │",
            "│F7  济南市 历城区  未结事件 0 起                          │",
            "└──────────────────────────────────────────────────────────┘",
        ])
    }

    @Test("in English with room for the legend, which tells marks from counts")
    func englishWithLegend() {
        #expect(Self.lines(64, 26, cursor: "E5", language: .en) == [
            "┌ 2 Map 山东省 ────────────────────────────────────────────────┐",
            "│    A  B  C  D  E  F  G  H  I  J  K  L  M  N  O  P            │",
            "│ 1                   ┌─┐                                      │",
            "│                   ┌─┘ ├────┐                                 │",
            "│ 2            ┌────┤   └┐   └─┐       ┌─┐                     │",
            "│             ┌┘   ┌┘   ┌┘   ┌─┘    ┌──┘ └┐┌┐                  │",
            "│ 3         ┌─┘  ┌─┤    │    │     ┌┘     └┘@──┬───┐           │",
            "│         ┌─┘    │ │┌──┐└┐ ┌─┴─┐  ┌┘          ┌┘   │           │",
            "│ 4      ┌┘ ┌┐  ┌┘ │└─┐└─┤┌┘   └─┬┼───┐   ┌───┘   ┌┘           │",
            "│       ┌┴──┘│  │  └─┐│  ├┘     ┌┴┘   │   └┐ ┌────┘            │",
            "│ 5    ┌┘    │ ┌┘2   ├┘ ┌┘      └┐    └─┬──┴─┘                 │",
            "│      │     └┬┘  ┌┐ └┐ │        └─┐   ┌┘                      │",
            "│ 6    │    ┌─┼───┘│  │ └┐ ┌┐     ┌┘┌┐ │                       │",
            "│      │ ┌─┬┴─┘    └──┤┌┐└┬┘├┐   ┌┘ └+─┘                       │",
            "│ 7    └─┼┬┴┐┌─┐ ┌┐   ├┘└─┘┌┘└──┐│ ┌─┘                         │",
            "│      ┌─┘└┐└┘ └─┘└─┬─┘    │    └┼─┘                           │",
            "│ 8  ┌─┘   └┐       │      │    ┌┘                             │",
            "│   ┌┘  #   │    ┌──┤      └──┐┌┘                              │",
            "│ 9 └┐      │   ┌┘  └┐      ┌─┴┘                               │",
            "│    └─┐    └┬──┴┬┐  └┐    ┌┘                                  │",
            "│10    └┐ ┌┐┌┘   └┼┐  ├┐ ┌─┘                                   │",
            "│       └─┘└┘     └┴──┘└─┘                                     │",
            "│E5  济南市 市中区  2 open incidents                           │",
            "│! I  # II  * III  + IV  2-9 count  @ 10+     warning          │",
            "│                                                              │",
            "└──────────────────────────────────────────────────────────────┘",
        ])
    }

    @Test("a rectangle too small for the grid says so; a name that does not fit is left out of the title")
    func tiny() {
        #expect(Self.lines(10, 4, cursor: "E5") == [
            "┌ 2 地图 ┐",
            "│空间不足│",
            "│        │",
            "└────────┘",
        ])
        #expect(Self.lines(10, 1, cursor: "E5") == ["2 地图"])
    }

    @Test("empty and one-cell rectangles draw nothing or a cut title, and never crash")
    func degenerate() {
        #expect(Self.lines(0, 0, cursor: "E5") == [])
        #expect(Self.lines(1, 1, cursor: "E5") == ["2"])
        #expect(Self.lines(2, 2, cursor: "E5") == ["┌┐", "└┘"])
        // A rectangle running off the canvas is framed where it can be seen.
        var canvas = Canvas(width: 30, height: 30)
        MapWidget().draw(MapFixture.model(Self.board), in: Rect(x: 25, y: 25, width: 40, height: 40), on: &canvas)
        #expect(canvas.lines()[25] == String(repeating: " ", count: 25) + "┌ 2 ┐")
        #expect(canvas.lines()[29] == String(repeating: " ", count: 25) + "└───┘")
    }

    @Test("one widget drawing one zoom, then another, then the first, draws what fresh widgets draw")
    func cacheFollowsZoom() {
        let widget = MapWidget()
        #expect(Self.lines(60, 24, cursor: "E5", focus: .board, widget: widget) == Self.province)
        #expect(Self.lines(60, 24, cursor: "F7", zoomCity: "370100", widget: widget) == Self.lines(60, 24, cursor: "F7", zoomCity: "370100"))
        #expect(Self.lines(60, 24, cursor: "E5", focus: .board, widget: widget) == Self.province)
    }
}
