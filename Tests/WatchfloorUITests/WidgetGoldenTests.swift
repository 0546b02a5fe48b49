import Testing
@testable import WatchfloorCore
@testable import WatchfloorUI

/// Whole widget screens, frozen after being read: the board in both languages, the detail of
/// one incident, feeds full and as a strip, the status bar, help, and the too-small message.
@Suite("Widget golden screens")
struct WidgetGoldenTests {
    /// The Jinan rainstorm at 17:30 — nine open incidents, a red warning, units on scene.
    static let board = WidgetFixture.jinanBoard()

    static let feeds = [
        FeedStatus(agency: .emergency, state: .up, ratePerSecond: 0.4, lastMessage: Instant(rfc3339: "2026-07-15T17:25:00+08:00"), accepted: 5, rejected: 0),
        FeedStatus(agency: .police, state: .stale, ratePerSecond: 0, lastMessage: Instant(rfc3339: "2026-07-15T16:25:00+08:00"), accepted: 2, rejected: 3),
        FeedStatus(agency: .fire, state: .down), FeedStatus(agency: .weather, state: .waiting),
    ]

    @Test("the board in Chinese: levels, categories, places, grid references and agencies line up by display columns")
    func boardChinese() {
        #expect(WidgetFixture.draw(BoardWidget(), WidgetFixture.model(Self.board), width: 100, height: 8) == [
            "┌ 1 事件 9 起 ─────────────────────────────────────────────────────────────────────────────────────┐",
            "│级别 类别     标题                                  地点            网格 来源   状态   时长 力量  │",
            "│III  人员被困 北园大街历山路桥下一辆公交车涉水熄火… 济南市 天桥区   E5   应消公 新     26分 3 到场│",
            "│III  暴雨     泉城广场站1小时降水量52.6毫米         济南市 历下区   E5   气     新     1时  1 到场│",
            "│IV   井盖缺失 历山路一处雨水井盖被冲开              济南市 历下区   E5   城     新     2分        │",
            "│IV   城市内涝 燕山立交桥下积水，有车辆被困          济南市 历下区   E5   公     新     6分  1 已派│",
            "│IV   城市内涝 经十路燕山立交桥下积水约0.6米         济南市 历下区   E5   城     新     9分  1 到场│",
            "└──────────────────────────────────────────────────────────────────────────────────────────────────┘",
        ])
    }

    @Test("the board in English at 80 columns drops the grid column first and cuts titles with an ellipsis, never mid-character")
    func boardEnglish() {
        #expect(WidgetFixture.draw(BoardWidget(), WidgetFixture.model(Self.board, language: .en), width: 80, height: 6) == [
            "┌ 1 Incidents 9 ───────────────────────────────────────────────────────────────┐",
            "│Lvl  Category      Title          Place           From   Status Age  Units    │",
            "│III  People trapp… 北园大街历山…  济南市 天桥区   EFP    new    26m  3 onscene│",
            "│III  Rainstorm     泉城广场站1小… 济南市 历下区   W      new    1h   1 onscene│",
            "│IV   Missing manh… 历山路一处雨…  济南市 历下区   U      new    2m            │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
        ])
    }

    @Test("the detail: units and warnings first, then reports in time order with agency and reporter")
    func detail() {
        #expect(WidgetFixture.draw(DetailWidget(), WidgetFixture.model(Self.board, focus: .detail), width: 50, height: 16) == [
            "┌ 3 详情 ────────────────────────────────────────┐",
            "│SD-0001  III 较大  暴雨                         │",
            "│泉城广场站1小时降水量52.6毫米                   │",
            "│地点：济南市 历下区  E5  36.6612, 117.0228      │",
            "│状态：新   首报：15:55:30                       │",
            "│力量                                            │",
            "│  WX-3701-01 到场                               │",
            "│预警                                            │",
            "│  I 济南市气象台将暴雨橙色预警信号升级为红色[Ⅰ级│",
            "│  /特别严重]                                    │",
            "│                                                │",
            "│报告 (1)                                        │",
            "│15:55:30 气象 泉城广场站1小时降水量52.6毫米     │",
            "│  JN-WX-20260715-0003 · 济南市气象台 值班预报员 │",
            "│                                                │",
            "└────────────────────────────────────────────────┘",
        ])
    }

    /// Live feeds: lag, a reason for each that is not up, a feed named after no agency.
    static let liveFeeds = [
        FeedStatus(name: "police", state: .up, ratePerSecond: 12.4, lagSeconds: 1.2, lastMessage: Instant(rfc3339: "2026-07-15T17:25:00+08:00"), accepted: 812, rejected: 2),
        FeedStatus(name: "fire", state: .down, ratePerSecond: 0, accepted: 40, reason: "connection refused — retrying in 2.0 s"),
        FeedStatus(name: "weather", state: .stale, ratePerSecond: 0.05, lagSeconds: 75, lastMessage: Instant(rfc3339: "2026-07-15T17:24:00+08:00"), accepted: 3, reason: "no message or heartbeat for 61 s (interval 60 s)"),
        FeedStatus(name: "cap-3701", state: .waiting, ratePerSecond: nil),
    ]

    @Test("feeds: state in words as well as colour, rate, lag, last message, rejects, why a feed is down; the one-line strip")
    func feedsPane() {
        #expect(WidgetFixture.draw(FeedsWidget(), WidgetFixture.model(Self.board, feeds: Self.feeds), width: 48, height: 7) == [
            "┌ 4 信息源 ────────────────────────────────────┐",
            "│来源     状态    条/秒 延迟   最近  拒收 说明 │",
            "│应急     正常    0.4   —      17:25 0         │",
            "│公安     停滞    0     —      16:25 3         │",
            "│消防     中断    0     —      —     0         │",
            "│气象     等待    0     —      —     0         │",
            "└──────────────────────────────────────────────┘",
        ])
        #expect(WidgetFixture.draw(FeedsWidget(), WidgetFixture.model(Self.board, language: .en, feeds: Self.liveFeeds), width: 80, height: 7) == [
            "┌ 4 Feeds ─────────────────────────────────────────────────────────────────────┐",
            "│Feed     State   /s    Lag    Last  Rej  Note                                 │",
            "│Police   up      12    1s     17:25 2                                         │",
            "│Fire     down    0     —      —     0    connection refused — retrying in 2.0…│",
            "│Weather  stale   <0.1  1m     17:24 0    no message or heartbeat for 61 s (in…│",
            "│cap-3701 waiting —     —      —     0                                         │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
        ])
        #expect(WidgetFixture.draw(FeedsWidget(compact: true), WidgetFixture.model(Self.board, feeds: Self.feeds), width: 78, height: 3) == [
            "┌ 4 信息源 ──────────────────────────────────────────────────────────────────┐",
            "│应急 正常  公安 停滞!3  消防 中断  气象 等待                                │",
            "└────────────────────────────────────────────────────────────────────────────┘",
        ])
    }

    @Test("the status bar: mode, scenario clock, operator, open incidents by level")
    func statusBar() {
        #expect(WidgetFixture.draw(StatusBar(), WidgetFixture.model(Self.board), width: 100, height: 1) == [" 演练 ×60  2026-07-15 17:29:00  值班员 duty1  I:0 II:0 III:2 IV:7 未结 9"])
        #expect(WidgetFixture.draw(StatusBar(), WidgetFixture.model(Self.board, language: .en, mode: .live), width: 100, height: 1) == [" LIVE  2026-07-15 17:29:00  operator duty1  I:0 II:0 III:2 IV:7 open 9"])
    }

    @Test("at 80 columns with a jurisdiction the date gives way, and the counts stay whole")
    func statusBarNarrow() {
        var model = WidgetFixture.model(Self.board, language: .en, mode: .live)
        model.jurisdiction = Jurisdiction(adcode: "370102")
        model.jurisdictionName = "历下区"
        let line = WidgetFixture.draw(StatusBar(), model, width: 80, height: 1).first
        #expect(line?.hasPrefix(" LIVE  17:29:00  operator duty1  area 历下区  I:0 ") == true, "\(line ?? "")")
        #expect(line?.contains(" open ") == true && line?.trimmingCharacters(in: .whitespaces).last?.isNumber == true, "the open count is whole: \(line ?? "")")
        // With room, the date stays.
        let wide = WidgetFixture.draw(StatusBar(), model, width: 120, height: 1).first ?? ""
        #expect(wide.hasPrefix(" LIVE  2026-07-15 17:29:00  operator duty1  area 历下区"), "\(wide)")
    }

    @Test("the status bar says when the store is out of reach, and the rest stays")
    func statusBarStoreUnreachable() {
        var model = WidgetFixture.model(Self.board, language: .en, mode: .live)
        model.storeTrouble = "lost the connection to the PostgreSQL server at 127.0.0.1:5432"
        #expect(WidgetFixture.draw(StatusBar(), model, width: 120, height: 1) == [" LIVE   STORE UNREACHABLE · reconnecting  2026-07-15 17:29:00  operator duty1  I:0 II:0 III:2 IV:7 open 9"])
    }

    @Test("help is drawn from the keymap it is given")
    func help() {
        let lines = WidgetFixture.draw(HelpOverlay(keymap: .standard, commands: [("ack INC", "确认", "acknowledge")]), WidgetFixture.model(Self.board, language: .en), width: 100, height: 34)
        #expect(Array(lines.prefix(4)) == [
            "",
            "            ┌ Help — keys ─────────────────────────────────────────────────────────────┐",
            "            │ ?            help (press again to close)                                 │",
            "            │ :            command line (↑↓ history, Tab completes)                    │",
        ])
        #expect(lines.contains { $0.contains(":ack INC") && $0.contains("acknowledge") })
    }

    @Test("below 80×24 a plain message, in the officer's language")
    func tooSmall() {
        #expect(WidgetFixture.draw(TooSmall(), WidgetFixture.model(Self.board), width: 60, height: 5) == [
            "",
            "                          终端太小",
            "                 需要至少 80×24，当前 60×5",
            "",
            "",
        ])
    }

    @Test("every widget draws into empty, 1×1 and 3×2 rectangles without crashing")
    func degenerate() {
        let model = WidgetFixture.model(Self.board, feeds: Self.feeds)
        let widgets: [any Widget] = [BoardWidget(), DetailWidget(), FeedsWidget(), FeedsWidget(compact: true), QueueWidget(), StatusBar(), PromptLine(), TooSmall(), HelpOverlay(keymap: .standard, commands: [])]
        for widget in widgets {
            for (w, h) in [(0, 0), (1, 1), (3, 2), (2, 30)] {
                #expect(WidgetFixture.draw(widget, model, width: w, height: h).count == h)
                // Inside a larger canvas, nothing may spill out of the rectangle given.
                var canvas = Canvas(width: 40, height: 40)
                let rect = Rect(x: 5, y: 5, width: w, height: h)
                widget.draw(model, in: rect, on: &canvas)
                for y in 0..<40 {
                    for x in 0..<40 where !(x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY) {
                        #expect(canvas[x, y] == .blank, "\(type(of: widget)) drew at \(x),\(y) outside \(rect)")
                    }
                }
            }
        }
    }
}
