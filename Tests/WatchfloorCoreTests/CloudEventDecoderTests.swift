import Testing
@testable import WatchfloorCore

@Suite("CloudEvents decoding")
struct CloudEventDecoderTests {
    static let good = #"{"specversion":"1.0","id":"JN-POL-1","source":"/sd/370102/police","type":"incident.report","time":"2026-07-15T17:42:10+08:00","data":{"category":"waterlogging","level":"III","title":"经十路下穿积水","lat":36.6612,"lon":117.0203,"adcode":"370102","address":"经十路","refs":["a","b"],"depth_m":1.2,"photos":["x.jpg"]}}"#

    @Test("a report keeps every field, unknown ones included")
    func report() throws {
        guard case .report(let r) = try CloudEventDecoder.decode(Self.good) else {
            Issue.record("not a report")
            return
        }
        #expect(r.key == ReportKey(source: "/sd/370102/police", id: "JN-POL-1"))
        #expect(r.agency == .police)
        #expect(r.sourceAdcode == "370102")
        #expect(r.category == .waterlogging)
        #expect(r.level == .III)
        #expect(r.title == "经十路下穿积水")
        #expect(r.location == GeoPoint(lat: 36.6612, lon: 117.0203))
        #expect(r.refs == ["a", "b"])
        #expect(r.extras.map(\.0) == ["depth_m", "photos"])
        #expect(r.time == Instant(rfc3339: "2026-07-15T09:42:10Z"))
    }

    @Test("an unknown category is kept, with the feed's word")
    func unknownCategory() throws {
        let line = Self.good.replacingOccurrences(of: "waterlogging", with: "sinkhole")
        guard case .report(let r) = try CloudEventDecoder.decode(line) else { Issue.record("not a report"); return }
        #expect(r.category == .other)
        #expect(r.categoryWord == "sinkhole")
    }

    static func edit(_ from: String, _ to: String) -> String { good.replacingOccurrences(of: from, with: to) }

    static let rejectionCases: [(String, String)] = [
        ("{\"specversion\":\"1.0\"", "not valid JSON"),
        ("[1,2]", "not a JSON object"),
        (edit("\"specversion\":\"1.0\",", ""), "missing `specversion`"),
        (edit("\"1.0\"", "\"0.3\""), "only \"1.0\""),
        (edit("\"id\":\"JN-POL-1\",", ""), "missing `id`"),
        (edit("\"time\":\"2026-07-15T17:42:10+08:00\",", ""), "missing `time`"),
        (edit("2026-07-15T17:42:10+08:00", "yesterday"), "not an RFC 3339 time"),
        (edit("/sd/370102/police", "police"), "not of the form /sd/<adcode>/<agency>"),
        (edit("/sd/370102/police", "/sd/370102/army"), "unknown agency \"army\""),
        (edit("/sd/370102/police", "/sd/3701/police"), "not a 6-digit admin code"),
        (edit("incident.report", "incident.rumour"), "unknown type \"incident.rumour\""),
        (edit("\"level\":\"III\"", "\"level\":\"V\""), "not one of I, II, III, IV"),
        (edit("\"lon\":117.0203,", ""), "`lat` and `lon` must come together"),
        (edit("\"lat\":36.6612,\"lon\":117.0203,\"adcode\":\"370102\",", ""), "neither lat/lon nor adcode"),
        (edit("36.6612", "136.6"), "not a position on earth"),
        (edit("\"category\":\"waterlogging\",", ""), "has no `category`"),
        (edit(",\"data\":{", ",\"nodata\":{"), "has no `data`"),
        (edit("\"refs\":[\"a\",\"b\"]", "\"refs\":[1]"), "`refs` must be an array of strings"),
        (#"{"specversion":"1.0","id":"u1","source":"/sd/370102/fire","type":"unit.status","time":"2026-07-15T17:42:10+08:00","data":{"unit":"FIRE-3701-01","status":"napping"}}"#, "unknown status \"napping\""),
        (#"{"specversion":"1.0","id":"u1","source":"/sd/370102/fire","type":"incident.update","time":"2026-07-15T17:42:10+08:00","data":{"level":"II"}}"#, "has no `ref`"),
        (#"{"specversion":"1.0","id":"a1","source":"/sd/370100/weather","type":"alert","time":"2026-07-15T17:42:10+08:00","datacontenttype":"text/plain","data":"x"}"#, "only application/cap+xml"),
        (#"{"specversion":"1.0","id":"a1","source":"/sd/370100/weather","type":"alert","time":"2026-07-15T17:42:10+08:00","data":{"x":1}}"#, "CAP XML document as a string"),
        ]

    @Test("each rejection says what is wrong", arguments: rejectionCases)
    func rejections(line: String, reason: String) {
        #expect {
            try CloudEventDecoder.decode(line)
        } throws: { error in
            let message = (error as? RejectReason)?.message ?? ""
            if !message.contains(reason) { Issue.record("got \"\(message)\", wanted it to mention \"\(reason)\"") }
            return message.contains(reason)
        }
    }

    @Test("invalid UTF-8 anywhere in the line is rejected")
    func invalidUTF8() {
        var bytes = Self.good.bytes
        let at = bytes.firstIndex(of: 0xE7)!  // inside the Chinese title
        bytes[at + 1] = 0x41
        #expect(throws: RejectReason.self) { try bytes.withBytes { (b) throws(RejectReason) in _ = try CloudEventDecoder.decode(b) } }
    }

    @Test("every line of every bundled scenario decodes")
    func scenarios() throws {
        for name in ["jinan-rainstorm", "zibo-chemical-fire", "qingdao-typhoon"] {
            let lines = try TestData.lines("demo-data/scenarios/\(name).jsonl")
            #expect(lines.count > 50, "\(name) is too short")
            for (i, line) in lines.enumerated() {
                do {
                    _ = try line.withBytes { (b) throws(RejectReason) in try CloudEventDecoder.decode(b) }
                } catch {
                    Issue.record("\(name) line \(i + 1): \(error)")
                }
            }
        }
    }
}
