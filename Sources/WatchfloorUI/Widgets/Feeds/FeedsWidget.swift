import Foundation
import WatchfloorCore

/// The six agencies' feeds: state (in words and colour), rate, lag, last message, rejects.
public struct FeedsWidget: Widget {
    public init() {}

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        let s = model.strings
        let inside = canvas.box(rect, title: "4 " + s.feedsTitle, style: model.view.focus == .feeds ? .accent : .muted)
        guard !inside.isEmpty else { return }
        let header = [(s.feedsAgency, 8), (s.feedsState, 7), (s.feedsRate, 6), (s.feedsLag, 6), (s.feedsLast, 9), (s.feedsRejects, 4)]
        var x = inside.x
        for (name, width) in header {
            canvas.put(DisplayWidth.fit(name, to: width), x: x, y: inside.y, style: Style(.muted, bold: true), limit: inside.maxX - x)
            x += width + 1
        }
        for (i, feed) in model.feeds.enumerated() where i + 1 < inside.height {
            let y = inside.y + i + 1
            let role: ColorRole = switch feed.state {
            case .up: .good
            case .stale: .levelIII
            case .down: .bad
            case .waiting: .muted
            }
            let lag = feed.lagSeconds.map { s.age(seconds: $0) } ?? "—"
            let cells: [(String, Int, Style)] = [
                (s.agency(feed.agency), 8, .plain),
                (s.feedState(feed.state), 7, Style(role, bold: feed.state != .up)),
                (feed.ratePerMinute > 0 ? String(format: "%.0f", feed.ratePerMinute) : "0", 6, .plain),
                (lag, 6, .plain),
                (feed.lastMessage?.clockTime ?? "—", 9, .muted),
                (String(feed.rejected), 4, feed.rejected > 0 ? Style(.bad, bold: true) : .muted),
            ]
            var x = inside.x
            for (text, width, style) in cells {
                canvas.put(DisplayWidth.fit(text, to: width), x: x, y: y, style: style, limit: inside.maxX - x)
                x += width + 1
            }
        }
    }
}
