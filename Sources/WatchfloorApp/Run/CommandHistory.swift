/// The command lines typed in this session, for ↑ and ↓ at the prompt.
struct CommandHistory {
    private(set) var entries: [String] = []
    /// Where ↑/↓ stand; `entries.count` is the fresh line being typed.
    private var cursor = 0
    private var draft = ""

    mutating func add(_ line: String) {
        let line = line.trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty else { return }
        if entries.last != line { entries.append(line) }
        if entries.count > 500 { entries.removeFirst() }
        cursor = entries.count
    }

    /// The older line, keeping what was being typed to come back to.
    mutating func older(than current: String) -> String? {
        guard cursor > 0 else { return nil }
        if cursor == entries.count { draft = current }
        cursor -= 1
        return entries[cursor]
    }

    mutating func newer() -> String? {
        guard cursor < entries.count else { return nil }
        cursor += 1
        return cursor == entries.count ? draft : entries[cursor]
    }

    mutating func reset() { cursor = entries.count }
}
