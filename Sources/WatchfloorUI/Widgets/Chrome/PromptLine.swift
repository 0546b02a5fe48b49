/// The bottom line: the `:` command or `/` filter being typed, else the answer to the last
/// command (accepted or the reason it was rejected), else a hint of the main keys.
public struct PromptLine: Widget {
    public init() {}

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        guard !rect.isEmpty else { return }
        if let prompt = model.view.prompt {
            let lead = prompt.kind == .command ? ":" : "/"
            canvas.line(lead + prompt.text, in: rect, style: Style(bold: true))
            return
        }
        if let message = model.view.message {
            let style: Style = switch message.tone {
            case .info: .plain
            case .accepted: Style(.good, bold: true)
            case .rejected: Style(.bad, bold: true)
            }
            canvas.line(InertText.clean(message.text), in: rect, style: style)
            return
        }
        canvas.line(model.strings.hint, in: rect, style: .muted)
    }

    /// Where the cursor stands while typing: after the text, by display columns.
    public static func cursor(_ model: ScreenModel, in rect: Rect) -> (x: Int, y: Int)? {
        guard let prompt = model.view.prompt, !rect.isEmpty else { return nil }
        return (min(rect.maxX - 1, rect.x + 1 + DisplayWidth.of(prompt.text)), rect.y)
    }
}
