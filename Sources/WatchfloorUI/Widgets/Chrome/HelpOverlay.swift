/// `?`: the keys, drawn from the live keymap, and the commands, over the middle of the
/// screen.
public struct HelpOverlay: Widget {
    public let keymap: Keymap
    public let commands: [(usage: String, zh: String, en: String)]

    public init(keymap: Keymap, commands: [(usage: String, zh: String, en: String)]) {
        self.keymap = keymap
        self.commands = commands
    }

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        let s = model.strings
        var lines: [(String, String)] = keymap.bindings.map { b in
            (b.keys.map(\.description).joined(separator: " "), s.pick(b.zh, b.en))
        }
        lines.append(("", ""))
        lines.append((s.helpCommands, ""))
        lines += commands.map { (":" + $0.usage, s.pick($0.zh, $0.en)) }
        let keyWidth = min(30, (lines.map { DisplayWidth.of($0.0) }.max() ?? 0))
        let wanted = keyWidth + 2 + (lines.map { DisplayWidth.of($0.1) }.max() ?? 0) + 4
        let width = min(rect.width, max(40, wanted))
        let height = min(rect.height, lines.count + 3)
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width: width, height: height)
        canvas.fill(box)
        let inside = canvas.box(box, title: s.helpTitle, style: .accent)
        guard !inside.isEmpty else { return }
        for (i, line) in lines.enumerated() where i < inside.height - 1 {
            let row = inside.row(i)
            canvas.line("", in: row)
            canvas.put(DisplayWidth.fit(line.0, to: keyWidth), x: row.x + 1, y: row.y, style: Style(.accent, bold: true), limit: row.width - 1)
            canvas.put(line.1, x: row.x + keyWidth + 3, y: row.y, limit: max(0, row.width - keyWidth - 3))
        }
        canvas.line(s.helpClose, in: inside.row(inside.height - 1), style: .muted)
    }
}
