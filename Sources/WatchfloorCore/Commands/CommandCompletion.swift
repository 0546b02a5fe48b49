/// Tab completion for the command line: verbs, and the incident ids (or reports, or levels)
/// that the verb can act on at that place, read from the board.
extension CommandParser {
    /// The whole lines the text can complete to, each ending in a space so the next Tab goes
    /// on to the next argument. The text before the word being typed is kept as typed.
    /// Empty when nothing fits.
    public static func complete(_ text: String, board: Board) -> [String] {
        let line = body(ofPartial: text)
        let wordStart = line.lastIndex(where: \.isWhitespace).map(line.index(after:)) ?? line.startIndex
        let typed = String(text[..<wordStart])
        let word = line[wordStart...]
        var before = Words(line[..<wordStart])
        var words: [Substring] = []
        while let w = before.next() { words.append(w) }
        guard let first = words.first else {
            let w = word.lowercased()
            return verbs.map(\.name).filter { $0.hasPrefix(w) }.map { typed + $0 + " " }
        }
        guard let verb = Self.verb(named: first) else { return [] }
        return candidates(verb: verb.name, argument: words.count - 1, after: words.dropFirst(), board: board)
            .filter { matches($0, word) }
            .map { typed + $0 + " " }
    }

    /// The text after leading blanks and the `:`, trailing blanks kept: they say the word is done.
    static func body(ofPartial text: String) -> Substring {
        var line = Substring(text).drop(while: \.isWhitespace)
        if line.first == ":" { line = line.dropFirst().drop(while: \.isWhitespace) }
        return line
    }

    /// The longest text all candidates begin with: what a first Tab can fill in.
    public static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for c in candidates.dropFirst() {
            while !c.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    static func candidates(verb: String, argument: Int, after words: ArraySlice<Substring>, board: Board) -> [String] {
        func ids(_ keep: (Incident) -> Bool) -> [String] { board.incidents.filter(keep).map(\.id) }
        switch (verb, argument) {
        case ("ack", 0): return ids { $0.status == .new }
        case ("level", 0), ("merge", 0), ("merge", 1), ("close", 0): return ids(\.isOpen)
        case ("level", 1): return Level.allCases.map(\.rawValue)
        case ("split", 0): return ids { $0.isOpen && $0.reports.count > 1 }
        case ("split", 1):
            guard let id = words.first.flatMap({ incidentID($0) }), let incident = board.incident(id) else { return [] }
            // A bare id is enough unless two of the incident's reports share it.
            return incident.reports.map { key in
                incident.reports.filter { $0.id == key.id }.count > 1 ? key.description : key.id
            }
        case ("note", 0): return ids { $0.status != .merged }
        case ("reopen", 0): return ids { $0.status == .closed }
        case ("dispatch", 0): return ids(\.isOpen)
        case ("dispatch", _):
            guard !words.contains("--"), let id = words.first.flatMap({ incidentID($0) }) else { return [] }
            let named = Set(words.dropFirst().map { $0.uppercased() })
            return dispatchableUnits(for: id, board: board).filter { !named.contains($0) }
        case ("status", 0): return board.units.keys.sorted()
        case ("status", 1): return UnitStatus.allCases.map(\.rawValue).filter { $0 != UnitStatus.dispatched.rawValue }
        default: return []
        }
    }

    /// The units a dispatch to `id` may name: available, of an agency the run card allows,
    /// nearest first when the incident has a position.
    static func dispatchableUnits(for id: String, board: Board) -> [String] {
        guard let incident = board.incident(id) else { return [] }
        let card = RunCard.card(for: incident.category)
        let units = board.units.values.filter { $0.status == .available && card.agencies.contains($0.agency) }
        guard let p = incident.location else { return units.map(\.id).sorted() }
        return units.map { ($0.id, ($0.position ?? $0.home).distance(to: p)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map(\.0)
    }

    /// Whether a candidate fits what is typed so far: incident ids match however the officer
    /// writes them (`SD-00`, `sd-4`, `4`), other words by prefix.
    static func matches(_ candidate: String, _ word: Substring) -> Bool {
        if word.isEmpty { return true }
        guard let n = Board.number(of: candidate) else { return candidate.lowercased().hasPrefix(word.lowercased()) }
        let upper = word.uppercased()
        if candidate.hasPrefix(upper) { return true }
        if upper.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return String(n).hasPrefix(upper) || candidate.dropFirst(3).hasPrefix(upper)
        }
        if upper.hasPrefix("SD-") {
            let digits = upper.dropFirst(3)
            return !digits.isEmpty && String(n).hasPrefix(digits)
        }
        return false
    }
}
