import WatchfloorCore

/// `:rejects`: the refused feed lines, newest first — when, which feed and line, why, and the
/// line's first bytes (inert) — over the panes, so the officer can tell an agency exactly what
/// it sent wrong.
public struct RejectsOverlay: Widget {
    public init() {}

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        let s = model.strings
        let rejections = model.board.recentRejections
        let width = min(rect.width, max(40, rect.width - 8))
        let height = min(rect.height, max(5, rect.height - 4))
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width: width, height: height)
        canvas.fill(box)
        let inside = canvas.box(box, title: s.rejectsTitle(shown: rejections.count, total: model.board.rejectedCount), style: .accent)
        guard inside.height >= 2 else { return }
        if rejections.isEmpty {
            canvas.line(s.rejectsNone, in: inside.row(0), style: .muted)
        }
        // Two rows each: what and why, then the line's head.
        var y = 0
        for (at, r) in rejections.reversed() where y + 2 <= inside.height - 1 {
            let what = "\(at.clockTime)  \(r.feed)  \(s.rejectsLine(r.line, offset: r.offset))  "
            let x = canvas.put(what, x: inside.x, y: inside.y + y, style: Style(.muted), limit: inside.width)
            canvas.put(InertText.clean(r.reason), x: inside.x + x, y: inside.y + y, style: Style(.bad, bold: true), limit: max(0, inside.width - x))
            canvas.put("  " + InertText.clean(r.head), x: inside.x, y: inside.y + y + 1, style: .plain, limit: inside.width)
            y += 2
        }
        canvas.line(s.rejectsClose, in: inside.row(inside.height - 1), style: .muted)
    }
}
