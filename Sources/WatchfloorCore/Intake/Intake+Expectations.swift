extension Intake {
    /// A scenario's expectations: logged once as they came, for the after-action report, and
    /// nothing more; sent again, a duplicate like any message. Refused on live work, where
    /// nobody is being trained and nothing may judge a duty officer against a script; refused
    /// too when they name a unit kind the board's catalogue does not have, which no trainee
    /// could ever send. The entry is on the board (which only notes its key) when returned.
    mutating func admit(_ expectations: ScenarioExpectations, _ line: UnsafeRawBufferPointer, at position: FeedPosition, time: Instant) -> LogEntry {
        guard exercise else {
            return reject(line, at: position, reason: "training expectations on a live feed; replay the scenario file as training instead", time: time)
        }
        if board.hasSeen(expectations.key) { return duplicate(expectations.key, at: position, time: time) }
        if let reason = unknownUnitKind(in: expectations) {
            return reject(line, at: position, reason: reason, time: time)
        }
        let event = LogEvent.trainingExpectations(feed: position.feed, offset: position.offset, expectations: expectations, event: Array(line))
        return apply(LogEntry(at: time, actor: "feed:" + position.feed, exercise: exercise, event: event))
    }

    /// The first expected kind no unit of the catalogue has. A board given no catalogue
    /// cannot tell, and lets every kind through.
    func unknownUnitKind(in expectations: ScenarioExpectations) -> String? {
        guard !board.units.isEmpty else { return nil }
        let kinds = Set(board.units.values.map(\.kind))
        for (i, response) in expectations.responses.enumerated() {
            for kind in response.unitKinds where !kinds.contains(kind) {
                return "expectation \(i + 1): no unit is of kind `\(kind.prefix(30))` (kinds: \(kinds.sorted().joined(separator: ", ")))"
            }
        }
        return nil
    }
}
