/// The dispatch queue: orders on their way to the agencies. Dispatch arrives with the
/// dispatch queue itself; until then the pane says plainly that there are no orders.
public struct QueueWidget: Widget {
    public init() {}

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        let s = model.strings
        let inside = canvas.box(rect, title: "5 " + s.queueTitle, style: model.view.focus == .queue ? .accent : .muted)
        guard !inside.isEmpty else { return }
        canvas.line(s.queueEmpty, in: inside.row(0), style: .muted)
    }
}
