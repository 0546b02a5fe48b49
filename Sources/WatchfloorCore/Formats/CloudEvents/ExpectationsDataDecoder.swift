/// Decodes the `data` of a `training.expectations` line (demo-data/scenarios/README.md):
/// `{"expect":[{"report":"source#id","title":"…","from":"opened","acknowledge_within":300,"dispatch_within":600,"unit_kinds":["engine"]}]}`.
/// A scenario's author reads these refusals, so each names the expectation and says what to
/// write instead. Unknown members are refused, not kept: a misspelt deadline must not
/// silently become no deadline.
enum ExpectationsDataDecoder {
    static let members = ["report", "title", "from", "acknowledge_within", "dispatch_within", "unit_kinds"]
    /// A week: anything longer is a typo, not a training deadline.
    static let longestDeadline = 7.0 * 86_400

    static func responses(_ data: UnsafeRawBufferPointer) throws(RejectReason) -> [ExpectedResponse] {
        let value: JSONValue
        do throws(JSONError) { value = try JSONValue.parse(data) } catch {
            throw RejectReason("training.expectations `data`: \(error)")
        }
        guard case .object(let top) = value else {
            throw RejectReason("training.expectations `data` must be an object like {\"expect\":[…]}")
        }
        for (name, _) in top where name != "expect" {
            throw RejectReason("training.expectations `data` has an unknown member `\(name.prefix(40))` (only `expect` is understood)")
        }
        guard let list = value["expect"] else { throw RejectReason("training.expectations `data` has no `expect` list") }
        guard let items = list.arrayValue else {
            throw RejectReason("training.expectations `expect` must be a list of expectations, each like {\"report\":\"source#id\",\"dispatch_within\":600}")
        }
        var responses: [ExpectedResponse] = []
        var named: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let response = try expectation(item, number: i + 1)
            if let earlier = named[response.report] {
                throw RejectReason("expectation \(i + 1): report \(response.report.prefix(80)) is already named by expectation \(earlier); give each report one expectation")
            }
            named[response.report] = i + 1
            responses.append(response)
        }
        return responses
    }

    private static func expectation(_ item: JSONValue, number n: Int) throws(RejectReason) -> ExpectedResponse {
        guard case .object(let fields) = item else {
            throw RejectReason("expectation \(n) must be an object like {\"report\":\"source#id\",\"acknowledge_within\":300}")
        }
        var seen: Set<String> = []
        for (name, _) in fields {
            guard members.contains(name) else {
                throw RejectReason("expectation \(n): unknown member `\(name.prefix(40))` (expected \(members.joined(separator: ", ")))")
            }
            guard seen.insert(name).inserted else { throw RejectReason("expectation \(n): `\(name)` is given twice") }
        }
        let report = try reportName(item["report"], number: n)
        var title: String?
        if let t = item["title"], t != .null {
            guard let s = t.stringValue else { throw RejectReason("expectation \(n): `title` must be a string") }
            title = s
        }
        var from = ExpectedResponse.Start.opened
        if let f = item["from"], f != .null {
            guard let word = f.stringValue, let start = ExpectedResponse.Start(rawValue: word) else {
                throw RejectReason("expectation \(n): `from` must be \"opened\" (the incident's opening, the default) or \"report\" (the named report reaching it)")
            }
            from = start
        }
        let acknowledge = try seconds(item["acknowledge_within"], "acknowledge_within", number: n)
        let dispatch = try seconds(item["dispatch_within"], "dispatch_within", number: n)
        let kinds = try unitKinds(item["unit_kinds"], number: n)
        if acknowledge == nil && dispatch == nil && kinds.isEmpty {
            throw RejectReason("expectation \(n) (\(report.prefix(80))) expects nothing: give acknowledge_within, dispatch_within or unit_kinds")
        }
        return ExpectedResponse(report: report, title: title, from: from, acknowledgeWithin: acknowledge, dispatchWithin: dispatch, unitKinds: kinds)
    }

    /// `source#id` with a well-formed source, or a bare id.
    private static func reportName(_ value: JSONValue?, number n: Int) throws(RejectReason) -> String {
        guard let name = value?.stringValue, !name.isEmpty else {
            throw RejectReason("expectation \(n): `report` is missing; name a report of the scenario as source#id or by its bare id")
        }
        if name.contains("#") {
            guard let key = ReportKey(parsing: name) else {
                throw RejectReason("expectation \(n): `report` \"\(name.prefix(80))\" is not source#id")
            }
            do throws(RejectReason) {
                _ = try CloudEventDecoder.agencySource(key.source)
            } catch {
                throw RejectReason("expectation \(n): `report` \"\(name.prefix(80))\": \(error.message)")
            }
        }
        return name
    }

    private static func seconds(_ value: JSONValue?, _ name: String, number n: Int) throws(RejectReason) -> Double? {
        guard let value, value != .null else { return nil }
        guard let s = value.doubleValue, s > 0, s <= longestDeadline else {
            throw RejectReason("expectation \(n): `\(name)` must be a number of seconds, above 0 and at most \(Int(longestDeadline)) (a week)")
        }
        return s
    }

    private static func unitKinds(_ value: JSONValue?, number n: Int) throws(RejectReason) -> [String] {
        guard let value, value != .null else { return [] }
        let usage = "`unit_kinds` must be a list of unit kinds as in demo-data/units.json, like [\"engine\",\"ambulance\"]"
        guard let items = value.arrayValue else { throw RejectReason("expectation \(n): \(usage)") }
        var kinds: [String] = []
        for item in items {
            guard let kind = item.stringValue, !kind.isEmpty else { throw RejectReason("expectation \(n): \(usage)") }
            if kinds.contains(kind) {
                throw RejectReason("expectation \(n): unit kind `\(kind.prefix(30))` is named twice; name each kind once")
            }
            kinds.append(kind)
        }
        return kinds
    }
}
