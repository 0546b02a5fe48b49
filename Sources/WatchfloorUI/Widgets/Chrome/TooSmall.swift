/// Below 80×24 the board cannot be read: say so plainly instead of drawing a broken screen.
public struct TooSmall: Widget {
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public init() {}

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        let s = model.strings
        let lines = [s.tooSmall, s.tooSmallDetail(width: rect.width, height: rect.height)]
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (i, text) in lines.enumerated() {
            let w = min(rect.width, DisplayWidth.of(text))
            canvas.put(text, x: rect.x + max(0, (rect.width - w) / 2), y: top + i, style: i == 0 ? Style(.bad, bold: true) : .plain, limit: rect.width)
        }
    }
}
