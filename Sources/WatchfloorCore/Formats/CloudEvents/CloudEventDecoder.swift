/// Why a feed line was refused, in words a duty officer can act on.
public struct RejectReason: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Decodes one CloudEvents 1.0 JSON line (DESIGN §3.1) in a single pass over its bytes.
public enum CloudEventDecoder {
    public static func decode(_ line: UnsafeRawBufferPointer) throws(RejectReason) -> FeedMessage {
        var reader = JSONReader(line)
        var fields = TopLevel()
        guard (try? reader.nextKind()) == .object else { throw RejectReason("not a JSON object") }
        do throws(JSONError) {
            var members = try reader.enterObject()
            while let key = try reader.nextMember(&members) {
                // Switch on the length first: one or two comparisons per member, not seven.
                switch key.length {
                case 2 where key == "id": fields.id = try reader.readStringSpan()
                case 4 where key == "type": fields.type = try reader.readStringSpan()
                case 4 where key == "time": fields.time = try reader.readStringSpan()
                case 4 where key == "data": (fields.data, fields.dataFields) = try ReportDataDecoder.readEarly(&reader)
                case 6 where key == "source": fields.source = try reader.readStringSpan()
                case 11 where key == "specversion": fields.specversion = try reader.readStringSpan()
                case 15 where key == "datacontenttype": fields.contentType = try reader.readStringSpan()
                default: try reader.skipValue()
                }
            }
            try reader.expectEnd()
        } catch {
            throw RejectReason("not valid JSON: \(error)")
        }
        let data = fields.data.map { UnsafeRawBufferPointer(rebasing: line[$0]) }
        let envelope: Envelope
        do throws(RejectReason) {
            envelope = try fields.envelope()
        } catch {
            // A scenario's expectations come from its training office, which is no agency: the
            // envelope refuses that source, and only then is the line read as expectations, so
            // an agency's message never pays for the check.
            if let expectations = try fields.expectations(data: data) { return .expectations(expectations) }
            throw error
        }
        switch envelope.type {
        case "incident.report":
            return .report(try ReportDataDecoder.report(envelope, data: try require(data, envelope), read: fields.dataFields))
        case "incident.update":
            return .update(try ReportDataDecoder.update(envelope, data: try require(data, envelope), read: fields.dataFields))
        case "incident.cancel":
            return .cancel(try ReportDataDecoder.cancel(envelope, data: try require(data, envelope), read: fields.dataFields))
        case "unit.status":
            return .unitStatus(try ReportDataDecoder.unitStatus(envelope, data: try require(data, envelope), read: fields.dataFields))
        case "alert":
            if let type = fields.contentType?.string, type != "application/cap+xml" {
                throw RejectReason("alert has datacontenttype \"\(type)\"; only application/cap+xml is understood")
            }
            return .alert(envelope, capXML: try ReportDataDecoder.capText(try require(data, envelope)))
        case "feed.heartbeat":
            return .heartbeat(envelope)
        case ScenarioSource.messageType:
            throw RejectReason("\(ScenarioSource.messageType) must come from a scenario's training source /sd/<adcode>/training, not from \(envelope.key.source.prefix(60))")
        default:
            throw RejectReason("unknown type \"\(envelope.type)\" (expected incident.report, incident.update, incident.cancel, unit.status, alert, feed.heartbeat or training.expectations)")
        }
    }

    public static func decode(_ line: String) throws(RejectReason) -> FeedMessage {
        let bytes = Array(line.utf8)
        let result: Result<FeedMessage, RejectReason> = bytes.withUnsafeBytes { buffer in
            do throws(RejectReason) { return .success(try decode(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private static func require(_ data: UnsafeRawBufferPointer?, _ e: Envelope) throws(RejectReason) -> UnsafeRawBufferPointer {
        guard let data else { throw RejectReason("\(e.type) has no `data`") }
        return data
    }

    /// The required attributes, as found: checked as JSON, not yet made into Strings.
    private struct TopLevel {
        var specversion, id, source, type, time, contentType: JSONStringSpan?
        var data: Range<Int>?
        /// `data`'s members when they were read in the same pass.
        var dataFields: ReportDataDecoder.Fields?

        func envelope() throws(RejectReason) -> Envelope {
            let (id, source, type, instant) = try required()
            let sourceText = source.string
            let (adcode, agency): (String, Agency)
            if let parsed = source.withUTF8({ SourcePath.parse($0) }) {
                (adcode, agency) = parsed
            } else {
                (adcode, agency) = try CloudEventDecoder.agencySource(sourceText)
            }
            return Envelope(
                key: ReportKey(source: sourceText, id: id.string), agency: agency, sourceAdcode: adcode,
                type: type.withUTF8 { MessageType.known($0) } ?? type.string, time: instant
            )
        }

        /// The attributes every message needs, checked in the order their refusals are worded.
        private func required() throws(RejectReason) -> (id: JSONStringSpan, source: JSONStringSpan, type: JSONStringSpan, time: Instant) {
            guard let specversion else { throw RejectReason("missing `specversion`") }
            guard specversion == "1.0" else { throw RejectReason("specversion is \"\(specversion.string)\"; only \"1.0\" is understood") }
            guard let id, !id.isEmpty else { throw RejectReason(self.id == nil ? "missing `id`" : "`id` is empty") }
            guard let source else { throw RejectReason("missing `source`") }
            guard let type else { throw RejectReason("missing `type`") }
            guard let time else { throw RejectReason("missing `time`") }
            guard let instant = time.withUTF8({ Instant.parse($0) }) else {
                throw RejectReason("`time` \"\(time.string.prefix(40))\" is not an RFC 3339 time like 2026-07-15T17:42:10+08:00")
            }
            return (id, source, type, instant)
        }

        /// The line as a scenario's expectations; nil when its type is another.
        func expectations(data: UnsafeRawBufferPointer?) throws(RejectReason) -> ScenarioExpectations? {
            guard let type, type == ScenarioSource.messageTypeLiteral else { return nil }
            let (id, source, _, instant) = try required()
            let sourceText = source.string
            let adcode = try ScenarioSource.adcode(of: sourceText)
            guard let data else { throw RejectReason("\(ScenarioSource.messageType) has no `data`") }
            return ScenarioExpectations(
                key: ReportKey(source: sourceText, id: id.string), sourceAdcode: adcode, time: instant,
                responses: try ExpectationsDataDecoder.responses(data)
            )
        }
    }

    /// `/sd/<adcode>/<agency>`, for a source the fast path refused: says what is wrong.
    static func agencySource(_ source: String) throws(RejectReason) -> (String, Agency) {
        let parts = source.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].isEmpty, parts[1] == "sd" else {
            throw RejectReason("source \"\(source.prefix(60))\" is not of the form /sd/<adcode>/<agency>")
        }
        let adcode = String(parts[2])
        guard isAdcode(adcode) else {
            throw RejectReason("source \"\(source.prefix(60))\": \"\(adcode.prefix(12))\" is not a 6-digit admin code")
        }
        guard let agency = Agency(rawValue: String(parts[3])) else {
            throw RejectReason("source \"\(source.prefix(60))\": unknown agency \"\(parts[3].prefix(20))\" (expected emergency, police, fire, weather, transport or urban)")
        }
        return (adcode, agency)
    }
}

/// Six ASCII digits: a GB/T 2260 code.
func isAdcode(_ s: String) -> Bool {
    s.utf8.count == 6 && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
}
