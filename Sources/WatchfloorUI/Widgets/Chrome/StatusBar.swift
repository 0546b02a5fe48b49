import Foundation
import WatchfloorCore

/// The top line: LIVE or TRAINING (with speed), whether the store is out of reach, the (scenario) clock, the operator, counts of
/// open incidents by level, and the active filter. Always visible, whatever the layout.
public struct StatusBar: Widget {
    public init() {}

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        guard !rect.isEmpty else { return }
        let s = model.strings
        canvas.fill(rect, style: Style(.muted, reverse: false))
        var x = rect.x
        let banner: String
        let bannerStyle: Style
        switch model.mode {
        case .live:
            banner = " \(s.live) "
            bannerStyle = Style(.live, bold: true)
        case let .training(speed, paused, ended):
            var text = " \(s.training)"
            if let speed { text += " ×" + (speed == speed.rounded() ? String(Int(speed)) : String(format: "%.1f", speed)) }
            if ended { text += " · " + s.ended } else if paused { text += " · " + s.paused }
            banner = text + " "
            bannerStyle = Style(.training, bold: true)
        }
        x += canvas.put(banner, x: x, y: rect.y, style: bannerStyle, limit: rect.maxX - x) + 1
        if model.storeTrouble != nil {
            x += canvas.put(" \(s.storeUnreachable) ", x: x, y: rect.y, style: Style(.bad, bold: true), limit: rect.maxX - x) + 1
        }
        let counts = OpenCounts(model.board.incidents, within: model.jurisdiction)
        let tallies = Level.allCases.map { "\($0.rawValue):\(counts[$0])" }
        let open = "\(s.openLabel) \(counts.total)"
        let area = model.jurisdictionName.map { "\(s.jurisdictionLabel) \($0)" }
        let who = "\(s.operatorLabel) \(InertText.clean(model.operatorID))"
        var clock = (model.clock ?? model.board.clock).map { String($0.rfc3339.prefix(19)).replacingOccurrences(of: "T", with: " ") } ?? "—"
        // On a narrow screen the date goes first, so that the counts stay whole.
        let rest = ([who, open] + [area].compactMap { $0 }).map { DisplayWidth.of($0) + 2 }.reduce(0, +) + tallies.map { $0.count + 1 }.reduce(0, +)
        if rect.maxX - x < DisplayWidth.of(clock) + 2 + rest, clock.count == 19 { clock = String(clock.suffix(8)) }
        x += canvas.put(clock, x: x, y: rect.y, style: Style(bold: true), limit: rect.maxX - x) + 2
        x += canvas.put(who, x: x, y: rect.y, style: .muted, limit: rect.maxX - x) + 2
        if let area {
            x += canvas.put(area, x: x, y: rect.y, style: Style(.accent, bold: true), limit: rect.maxX - x) + 2
        }
        for (level, text) in zip(Level.allCases, tallies) {
            x += canvas.put(text, x: x, y: rect.y, style: LevelMark.style(level), limit: rect.maxX - x) + 1
        }
        x += canvas.put(open, x: x, y: rect.y, style: .plain, limit: rect.maxX - x) + 2
        if let text = model.filterText, !text.isEmpty {
            canvas.put("\(s.filterLabel): \(text)", x: x, y: rect.y, style: Style(.accent), limit: rect.maxX - x)
        }
    }
}
