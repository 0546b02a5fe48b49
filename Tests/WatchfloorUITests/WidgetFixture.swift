import Foundation
@testable import WatchfloorCore
@testable import WatchfloorUI

/// A real board for widget screens: the first hours of the Jinan rainstorm scenario folded
/// through the intake, exactly as a replay would fold them.
enum WidgetFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The board after the scenario's lines up to `until` (scenario time, China).
    static func jinanBoard(until: String = "2026-07-15T17:30:00+08:00") -> Board {
        let text = try! String(contentsOf: root.appendingPathComponent("demo-data/scenarios/jinan-rainstorm.jsonl"), encoding: .utf8)
        var intake = Intake(board: Board(), correlator: Correlator(places: MapFixture.gazetteer), exercise: true)
        let limit = Instant(rfc3339: until)!
        for (i, line) in text.split(separator: "\n").enumerated() {
            let bytes = Array(line.utf8)
            if let message = try? bytes.withBytes({ (b) throws(RejectReason) -> FeedMessage in try CloudEventDecoder.decode(b) }),
               message.time > limit { break }
            _ = bytes.withBytes { b in intake.ingest(b, at: FeedPosition(feed: "jinan", offset: 0, line: i + 1)) }
        }
        return intake.board
    }

    static func model(_ board: Board, focus: Pane = .board, language: Language = .zh, selected: String? = "SD-0001", feeds: [FeedStatus] = [], mode: ScreenModel.Mode = .training(speed: 60, paused: false, ended: false)) -> ScreenModel {
        var view = ViewState()
        view.focus = focus
        view.selectedIncident = selected
        let rows = BoardQuery.rows(of: board, filter: view.filter, sort: view.sort, gazetteer: MapFixture.gazetteer)
        return ScreenModel(board: board, gazetteer: MapFixture.gazetteer, rows: rows, feeds: feeds, mode: mode, operatorID: "duty1", strings: Strings(language), view: view)
    }

    static func draw(_ widget: any Widget, _ model: ScreenModel, width: Int, height: Int) -> [String] {
        var canvas = Canvas(width: width, height: height)
        widget.draw(model, in: canvas.bounds, on: &canvas)
        return canvas.lines()
    }
}
