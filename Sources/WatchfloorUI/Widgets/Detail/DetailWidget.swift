import WatchfloorCore

/// The selected incident in full: its reports in time order with their agencies and why each
/// joined, the warnings covering it, its units and notes. Long text wraps by display columns.
public struct DetailWidget: Widget {
    public init() {}

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        let s = model.strings
        let focused = model.view.focus == .detail
        let inside = canvas.box(rect, title: "3 " + s.detailTitle, style: focused ? .accent : .muted)
        guard !inside.isEmpty else { return }
        guard let incident = model.selectedIncident else {
            var y = 0
            for piece in Self.wrap(s.detailNothing, width: inside.width) where y < inside.height {
                canvas.line(piece, in: inside.row(y), style: .muted)
                y += 1
            }
            return
        }
        var wrapped: [(String, Style)] = []
        for (text, style) in DetailLines.of(incident, model: model) {
            for piece in Self.wrap(text, width: inside.width) { wrapped.append((piece, style)) }
        }
        let first = min(model.view.detailScroll, max(0, wrapped.count - inside.height))
        for y in 0..<inside.height where first + y < wrapped.count {
            let (text, style) = wrapped[first + y]
            canvas.line(text, in: inside.row(y), style: style)
        }
    }

    /// Breaks text into pieces no wider than `width` columns, never inside a character.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        if DisplayWidth.of(text) <= width { return [text] }
        var pieces: [String] = []
        var current = ""
        var used = 0
        for ch in text {
            let w = Canvas.columns(of: ch)
            if used + w > width {
                pieces.append(current)
                current = "  "
                used = 2
            }
            current.append(ch)
            used += w
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
