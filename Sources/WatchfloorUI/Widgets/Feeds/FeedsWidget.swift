import Foundation
import WatchfloorCore

/// The six agencies' feeds: state (in words and colour), rate, lag, last message, rejects.
/// `compact` puts all six on one line: name and state only.
public struct FeedsWidget: Widget {
    public var compact: Bool

    public init(compact: Bool = false) {
        self.compact = compact
    }

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        let s = model.strings
        let inside = canvas.box(rect, title: "4 " + s.feedsTitle, style: model.view.focus == .feeds ? .accent : .muted)
        guard !inside.isEmpty else { return }
        if compact {
            drawStrip(model, in: inside.row(0), on: &canvas)
            return
        }
        let header = [(s.feedsAgency, 8), (s.feedsState, 7), (s.feedsRate, 6), (s.feedsLag, 6), (s.feedsLast, 5), (s.feedsRejects, 4)]
        var x = inside.x
        for (name, width) in header {
            canvas.put(DisplayWidth.fit(name, to: width), x: x, y: inside.y, style: Style(.muted, bold: true), limit: inside.maxX - x)
            x += width + 1
        }
        for (i, feed) in model.feeds.enumerated() where i + 1 < inside.height {
            let y = inside.y + i + 1
            let role = Self.role(feed.state)
            let lag = feed.lagSeconds.map { s.age(seconds: $0) } ?? "—"
            let cells: [(String, Int, Style)] = [
                (s.agency(feed.agency), 8, .plain),
                (s.feedState(feed.state), 7, Style(role, bold: feed.state != .up)),
                (Self.rate(feed.ratePerMinute), 6, .plain),
                (lag, 6, .plain),
                (feed.lastMessage.map { String($0.clockTime.prefix(5)) } ?? "—", 5, .muted),
                (String(feed.rejected), 4, feed.rejected > 0 ? Style(.bad, bold: true) : .muted),
            ]
            var x = inside.x
            for (text, width, style) in cells {
                canvas.put(DisplayWidth.fit(text, to: width), x: x, y: y, style: style, limit: inside.maxX - x)
                x += width + 1
            }
        }
    }

    /// All six on one line: `应急 正常  公安 停滞 …`, with rejects when there are any.
    private func drawStrip(_ model: ScreenModel, in row: Rect, on canvas: inout Canvas) {
        var x = row.x
        for feed in model.feeds {
            x += canvas.put(model.strings.agency(feed.agency) + " ", x: x, y: row.y, limit: row.maxX - x)
            x += canvas.put(model.strings.feedState(feed.state), x: x, y: row.y, style: Style(Self.role(feed.state), bold: feed.state != .up), limit: row.maxX - x)
            if feed.rejected > 0 {
                x += canvas.put("!\(feed.rejected)", x: x, y: row.y, style: Style(.bad, bold: true), limit: row.maxX - x)
            }
            x += 2
        }
    }

    static func role(_ state: FeedStatus.State) -> ColorRole {
        switch state {
        case .up: .good
        case .stale: .levelIII
        case .down: .bad
        case .waiting: .muted
        }
    }

    /// Whole messages a minute, or one decimal below ten (a quiet scenario's feed).
    static func rate(_ perMinute: Double) -> String {
        perMinute >= 10 || perMinute == 0 ? String(format: "%.0f", perMinute) : String(format: "%.1f", perMinute)
    }
}
