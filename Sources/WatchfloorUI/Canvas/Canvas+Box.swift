/// Frames and rules drawn with box-drawing characters, which every UTF-8 terminal draws one
/// column wide.
extension Canvas {
    /// A frame around `rect` with a title cut to fit; returns the inside.
    @discardableResult
    public mutating func box(_ rect: Rect, title: String = "", style: Style = .muted, titleStyle: Style = .accent) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return .empty }
        let inner = String(repeating: "─", count: rect.width - 2)
        put("┌" + inner + "┐", x: rect.x, y: rect.y, style: style)
        for y in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
        put("└" + inner + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        if !title.isEmpty, rect.width > 4 {
            put(" " + title + " ", x: rect.x + 1, y: rect.y, style: titleStyle, limit: rect.width - 2)
        }
        return rect.inset(by: 1)
    }

    /// Text cut or padded to exactly the width of a one-row rectangle.
    public mutating func line(_ text: String, in rect: Rect, style: Style = .plain) {
        guard !rect.isEmpty else { return }
        let used = put(text, x: rect.x, y: rect.y, style: style, limit: rect.width)
        if used < rect.width {
            fill(Rect(x: rect.x + used, y: rect.y, width: rect.width - used, height: 1), style: style)
        }
    }

    /// Cells from the left of a one-row rectangle, each cut or padded to its width and one
    /// column apart; a width of 0 takes what is left. Table rows of the panes are drawn so.
    public mutating func cells(_ cells: [(text: String, style: Style)], widths: [Int], in row: Rect) {
        var x = row.x
        for ((text, style), width) in zip(cells, widths) where x < row.maxX {
            let w = width == 0 ? row.maxX - x : min(width, row.maxX - x)
            put(DisplayWidth.fit(text, to: w), x: x, y: row.y, style: style, limit: w)
            x += w + 1
        }
    }
}
