import Testing
@testable import WatchfloorCore

/// A training scenario's `training.expectations` line (demo-data/scenarios/README.md): decoded,
/// refused with reasons a scenario's author can act on, logged once, and nothing more.
@Suite("Scenario expectations")
struct ExpectationsDecodingTests {
    static let good = #"{"specversion":"1.0","id":"JN-TRAIN-1","source":"/sd/370100/training","type":"training.expectations","time":"2026-07-15T15:30:00+08:00","data":{"expect":[{"report":"/sd/370100/fire#JN-FIRE-3","title":"公交车被困","from":"report","acknowledge_within":120,"dispatch_within":300,"unit_kinds":["rescue","ambulance"]},{"report":"JN-POL-7","acknowledge_within":60}]}}"#

    static func edit(_ from: String, _ to: String) -> String { good.replacingOccurrences(of: from, with: to) }

    @Test("a good line decodes to every expectation, in order, with the line's own key and time")
    func decodes() throws {
        guard case .expectations(let x) = try CloudEventDecoder.decode(Self.good) else {
            Issue.record("not expectations")
            return
        }
        #expect(x.key == ReportKey(source: "/sd/370100/training", id: "JN-TRAIN-1"))
        #expect(x.sourceAdcode == "370100")
        #expect(x.time == Instant(rfc3339: "2026-07-15T15:30:00+08:00"))
        #expect(x.responses == [
            ExpectedResponse(report: "/sd/370100/fire#JN-FIRE-3", title: "公交车被困", from: .report, acknowledgeWithin: 120,
                             dispatchWithin: 300, unitKinds: ["rescue", "ambulance"]),
            ExpectedResponse(report: "JN-POL-7", acknowledgeWithin: 60),
        ])
        let message = try CloudEventDecoder.decode(Self.good)
        #expect(message.envelope == nil, "no agency sent it")
        #expect(message.key == x.key && message.time == x.time)
    }

    static let refusals: [(String, String)] = [
        (edit("/sd/370100/training", "/sd/370100/police"), "must come from a scenario's training source /sd/<adcode>/training"),
        (edit("/sd/370100/training", "/sd/370100/trainer"), "is not of the form /sd/<adcode>/training"),
        (edit("/sd/370100/training", "/sd/3701/training"), "\"3701\" is not a 6-digit admin code"),
        (edit("\"id\":\"JN-TRAIN-1\",", ""), "missing `id`"),
        (edit("2026-07-15T15:30:00+08:00", "soon"), "not an RFC 3339 time"),
        (edit(#","data":{"expect":"#, #","nodata":{"expect":"#), "training.expectations has no `data`"),
        (edit(#""data":{"expect":"#, #""data":{"expected":"#), "unknown member `expected` (only `expect` is understood)"),
        (edit(#""data":{"expect":["#, #""data":{"x":1,"expect":["#), "unknown member `x`"),
        (#"{"specversion":"1.0","id":"t","source":"/sd/370100/training","type":"training.expectations","time":"2026-07-15T15:30:00+08:00","data":{}}"#, "has no `expect` list"),
        (#"{"specversion":"1.0","id":"t","source":"/sd/370100/training","type":"training.expectations","time":"2026-07-15T15:30:00+08:00","data":[1]}"#, "`data` must be an object"),
        (#"{"specversion":"1.0","id":"t","source":"/sd/370100/training","type":"training.expectations","time":"2026-07-15T15:30:00+08:00","data":{"expect":{"report":"a"}}}"#, "`expect` must be a list of expectations"),
        (#"{"specversion":"1.0","id":"t","source":"/sd/370100/training","type":"training.expectations","time":"2026-07-15T15:30:00+08:00","data":{"expect":["a"]}}"#, "expectation 1 must be an object"),
        (edit(#""acknowledge_within":60"#, #""ack_within":60"#), "expectation 2: unknown member `ack_within` (expected report, title, from, acknowledge_within, dispatch_within, unit_kinds)"),
        (edit(#""acknowledge_within":60"#, #""acknowledge_within":60,"acknowledge_within":90"#), "expectation 2: `acknowledge_within` is given twice"),
        (edit(#"{"report":"JN-POL-7","#, "{"), "expectation 2: `report` is missing"),
        (edit("\"JN-POL-7\"", "\"\""), "expectation 2: `report` is missing"),
        (edit("/sd/370100/fire#JN-FIRE-3", "/sd/370100/army#JN-FIRE-3"), "expectation 1: `report` \"/sd/370100/army#JN-FIRE-3\": source \"/sd/370100/army\": unknown agency \"army\""),
        (edit("/sd/370100/fire#JN-FIRE-3", "/sd/370100/fire#"), "expectation 1: `report` \"/sd/370100/fire#\" is not source#id"),
        (edit("\"from\":\"report\"", "\"from\":\"call\""), "expectation 1: `from` must be \"opened\""),
        (edit("\"acknowledge_within\":120", "\"acknowledge_within\":-5"), "expectation 1: `acknowledge_within` must be a number of seconds, above 0"),
        (edit("\"dispatch_within\":300", "\"dispatch_within\":\"5m\""), "expectation 1: `dispatch_within` must be a number of seconds"),
        (edit("\"dispatch_within\":300", "\"dispatch_within\":9999999"), "at most 604800 (a week)"),
        (edit("[\"rescue\",\"ambulance\"]", "\"rescue\""), "expectation 1: `unit_kinds` must be a list of unit kinds"),
        (edit("[\"rescue\",\"ambulance\"]", "[\"rescue\",\"\"]"), "expectation 1: `unit_kinds` must be a list of unit kinds"),
        (edit("[\"rescue\",\"ambulance\"]", "[\"rescue\",\"rescue\"]"), "expectation 1: unit kind `rescue` is named twice"),
        (edit(#"{"report":"JN-POL-7","acknowledge_within":60}"#, #"{"report":"JN-POL-7","title":"x"}"#), "expectation 2 (JN-POL-7) expects nothing"),
        (edit(#"{"report":"JN-POL-7","#, #"{"report":"/sd/370100/fire#JN-FIRE-3","#), "expectation 2: report /sd/370100/fire#JN-FIRE-3 is already named by expectation 1"),
        (edit(#""title":"公交车被困""#, #""title":7"#), "expectation 1: `title` must be a string"),
    ]

    @Test("each refusal names the expectation and what to write instead", arguments: refusals)
    func refusal(line: String, reason: String) {
        #expect {
            try CloudEventDecoder.decode(line)
        } throws: { error in
            let message = (error as? RejectReason)?.message ?? ""
            if !message.contains(reason) { Issue.record("got \"\(message)\", wanted it to mention \"\(reason)\"") }
            return message.contains(reason)
        }
    }

    @Test("an agency's message with a wrong source is refused as before, not read as expectations")
    func agencyRefusalUnchanged() {
        let line = CloudEventDecoderTests.edit("/sd/370102/police", "/sd/370102/training")
        #expect(throws: RejectReason("source \"/sd/370102/training\": unknown agency \"training\" (expected emergency, police, fire, weather, transport or urban)")) {
            try CloudEventDecoder.decode(line)
        }
    }

    // MARK: - the log kind

    @Test("a training intake logs the line once as training.expectations, exercise, from the feed; it reads back the same")
    func logged() throws {
        var intake = makeIntake()
        let sealed = ingestAll([Self.good.bytes], into: &intake, feed: "jinan")
        try #require(sealed.count == 1)
        let entry = sealed[0].entry
        #expect(entry.kind == .trainingExpectations)
        #expect(entry.actor == "feed:jinan")
        #expect(entry.exercise)
        #expect(entry.at == Instant(rfc3339: "2026-07-15T15:30:00+08:00"))

        // Its data: where it came from and the line exactly as received.
        let line = try JSONValue.parse(bytes: sealed[0].line)
        #expect(line["kind"]?.stringValue == "training.expectations")
        let data = try #require(line["data"])
        #expect(data["feed"]?.stringValue == "jinan")
        #expect(data["offset"]?.intValue == 0)
        #expect(data["source"]?.stringValue == "/sd/370100/training")
        #expect(data["id"]?.stringValue == "JN-TRAIN-1")
        #expect(data["event"] == (try JSONValue.parse(Self.good)))

        // Written and read back, the entry is the same.
        let back = try sealed[0].line.withBytes { (b) throws(LogLineError) -> LogEntry in try LogLine.entry(b).1 }
        #expect(back == entry)
    }

    @Test("the board is not changed, not even its clock; the line sent again is a duplicate")
    func boardUnchanged() {
        var intake = makeIntake()
        let before = intake.board
        let first = ingestAll([Self.good.bytes], into: &intake)
        #expect(first.map(\.entry.kind) == [.trainingExpectations])
        #expect(intake.board.clock == nil)
        #expect(intake.board.incidents == before.incidents && intake.board.reports == before.reports)
        #expect(intake.board.warnings == before.warnings && intake.board.feedTallies.isEmpty)
        let again = ingestAll([Self.good.bytes], into: &intake)
        #expect(again.map(\.entry.kind) == [.reportDuplicate])
    }

    @Test("on a live intake the line is refused: training expectations on a live feed")
    func refusedLive() throws {
        var intake = makeIntake(exercise: false)
        let sealed = ingestAll([Self.good.bytes], into: &intake, feed: "police")
        try #require(sealed.count == 1)
        guard case .reportRejected(let r) = sealed[0].entry.event else {
            Issue.record("not rejected: \(sealed[0].entry.kind)")
            return
        }
        #expect(r.reason.hasPrefix("training expectations on a live feed"))
        #expect(r.feed == "police")
        #expect(!sealed[0].entry.exercise)
        #expect(intake.board.rejectedCount == 1)
    }

    @Test("a kind no unit of the board's catalogue has is refused, naming the kinds there are")
    func unknownKind() throws {
        let units = [
            Unit(id: "FIRE-3701-01", agency: .fire, kind: "rescue", name: "a", adcode: "370102", station: "s", home: GeoPoint(lat: 36.6, lon: 117.0)),
            Unit(id: "EMER-3701-01", agency: .emergency, kind: "ambulance", name: "b", adcode: "370102", station: "s", home: GeoPoint(lat: 36.6, lon: 117.0)),
        ]
        var intake = Intake(board: Board(units: units), correlator: Correlator(places: TestData.gazetteer), exercise: true)
        #expect(ingestAll([Self.good.bytes], into: &intake).map(\.entry.kind) == [.trainingExpectations])

        var other = Intake(board: Board(units: units), correlator: Correlator(places: TestData.gazetteer), exercise: true)
        let line = Self.edit("\"ambulance\"", "\"hovercraft\"")
        let sealed = ingestAll([line.bytes], into: &other)
        guard case .reportRejected(let r) = sealed.first?.entry.event else {
            Issue.record("not rejected")
            return
        }
        #expect(r.reason == "expectation 1: no unit is of kind `hovercraft` (kinds: ambulance, rescue)")
    }
}
