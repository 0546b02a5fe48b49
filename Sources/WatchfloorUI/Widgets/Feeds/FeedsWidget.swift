import Foundation
import WatchfloorCore

/// The feeds: state (in words and colour), rate, lag, last message, rejects, and what is wrong
/// with a feed that is down or stale.
/// `compact` puts them all on one line: name and state only.
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
        let fixed = [8, 7, 5, 6, 5, 4]
        // What is wrong with a feed takes the rest of the row.
        let widths = fixed + [max(0, inside.width - fixed.reduce(0, +) - fixed.count)]
        let header = [s.feedsName, s.feedsState, s.feedsRate, s.feedsLag, s.feedsLast, s.feedsRejects, s.feedsReason]
        canvas.cells(header.map { ($0, Style(.muted, bold: true)) }, widths: widths, in: inside.row(0))
        for (i, feed) in model.feeds.enumerated() where i + 1 < inside.height {
            let lag = feed.lagSeconds.map { s.age(seconds: max(0, $0)) } ?? "—"
            canvas.cells([
                (Self.label(feed, s), .plain),
                (s.feedState(feed.state), Style(Self.role(feed.state), bold: feed.state != .up)),
                (feed.ratePerSecond.map(Self.rate) ?? "—", .plain),
                (lag, .plain),
                (feed.lastMessage.map { String($0.clockTime.prefix(5)) } ?? "—", .muted),
                (String(feed.rejected), feed.rejected > 0 ? Style(.bad, bold: true) : .muted),
                (feed.state == .up ? "" : InertText.clean(feed.reason ?? ""), .muted),
            ], widths: widths, in: inside.row(i + 1))
        }
    }

    /// The agency in the officer's language, else the feed's own name.
    static func label(_ feed: FeedStatus, _ s: Strings) -> String {
        feed.agency.map(s.agency) ?? InertText.clean(feed.name)
    }

    /// All six on one line: `应急 正常  公安 停滞 …`, with rejects when there are any.
    private func drawStrip(_ model: ScreenModel, in row: Rect, on canvas: inout Canvas) {
        var x = row.x
        for feed in model.feeds {
            x += canvas.put(Self.label(feed, model.strings) + " ", x: x, y: row.y, limit: row.maxX - x)
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

    /// Messages a second: whole from ten up, one decimal below, `<0.1` for a quiet feed
    /// that is not silent.
    static func rate(_ perSecond: Double) -> String {
        if perSecond >= 10 { return String(format: "%.0f", perSecond) }
        if perSecond >= 0.1 { return String(format: "%.1f", perSecond) }
        return perSecond > 0 ? "<0.1" : "0"
    }
}
