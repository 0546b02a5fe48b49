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
        let widths = [8, 7, 6, 6, 5, 4]
        let header = [s.feedsAgency, s.feedsState, s.feedsRate, s.feedsLag, s.feedsLast, s.feedsRejects]
        canvas.cells(header.map { ($0, Style(.muted, bold: true)) }, widths: widths, in: inside.row(0))
        for (i, feed) in model.feeds.enumerated() where i + 1 < inside.height {
            let lag = feed.lagSeconds.map { s.age(seconds: $0) } ?? "—"
            canvas.cells([
                (s.agency(feed.agency), .plain),
                (s.feedState(feed.state), Style(Self.role(feed.state), bold: feed.state != .up)),
                (Self.rate(feed.ratePerMinute), .plain),
                (lag, .plain),
                (feed.lastMessage.map { String($0.clockTime.prefix(5)) } ?? "—", .muted),
                (String(feed.rejected), feed.rejected > 0 ? Style(.bad, bold: true) : .muted),
            ], widths: widths, in: inside.row(i + 1))
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
