/// Reads the `data` of a log entry back into its typed event.
enum LogEventDecoder {
    static func decode(_ kind: LogKind, data: UnsafeRawBufferPointer) throws(LogLineError) -> LogEvent {
        if kind == .reportAccepted || kind == .trainingExpectations { return try embeddedMessage(kind, data) }
        let d: JSONValue
        do throws(JSONError) { d = try JSONValue.parse(data) } catch { throw LogLineError("`data`: \(error)") }
        func string(_ name: String) throws(LogLineError) -> String {
            guard let s = d[name]?.stringValue else { throw LogLineError("\(kind.rawValue) entry lacks `\(name)`") }
            return s
        }
        func key(_ name: String) throws(LogLineError) -> ReportKey {
            guard let k = ReportKey(parsing: try string(name)) else { throw LogLineError("`\(name)` is not source#id") }
            return k
        }
        switch kind {
        case .reportRejected:
            return .reportRejected(ReportRejection(
                feed: try string("feed"), offset: d["offset"]?.intValue ?? 0, line: d["line"]?.intValue ?? 0,
                reason: try string("reason"), head: d["head"]?.stringValue ?? ""
            ))
        case .reportDuplicate:
            return .reportDuplicate(feed: try string("feed"), offset: d["offset"]?.intValue ?? 0,
                                    key: ReportKey(source: try string("source"), id: try string("id")))
        case .incidentOpened:
            return .incidentOpened(IncidentOpening(
                incident: try string("incident"), report: try key("report"),
                placement: Placement(countyCode: d["county"]?.stringValue, cityCode: d["city"]?.stringValue,
                                     insideProvince: d["outside"]?.boolValue != true),
                category: Category(rawValue: try string("category")) ?? .other,
                level: Level(rawValue: try string("level")) ?? .IV, title: d["title"]?.stringValue ?? ""
            ))
        case .incidentMerged:
            guard let rule = MergeReason.Rule(rawValue: try string("rule")) else { throw LogLineError("unknown merge rule") }
            return .incidentMerged(IncidentMerge(
                incident: try string("incident"), report: d["report"]?.stringValue.flatMap(ReportKey.init(parsing:)),
                from: d["from"]?.stringValue,
                reason: MergeReason(rule: rule, metres: d["metres"]?.doubleValue, seconds: d["seconds"]?.doubleValue,
                                    sharedRefs: (d["refs"]?.arrayValue ?? []).compactMap(\.stringValue))
            ))
        case .incidentUpdated:
            return .incidentUpdated(IncidentUpdate(
                incident: try string("incident"), report: try key("report"), by: try key("by"),
                level: d["level"]?.stringValue.flatMap(Level.init(rawValue:)),
                category: d["category"]?.stringValue.flatMap(Category.init(rawValue:)),
                title: d["title"]?.stringValue, description: d["description"]?.stringValue,
                withdrawn: d["withdrawn"]?.boolValue ?? false, reason: d["reason"]?.stringValue
            ))
        case .incidentClosed:
            return .incidentClosed(incident: try string("incident"), reason: d["reason"]?.stringValue ?? "")
        case .incidentSplit:
            return .incidentSplit(IncidentSplit(
                incident: try string("incident"), report: try key("report"), into: try string("into"),
                placement: Placement(countyCode: d["county"]?.stringValue, cityCode: d["city"]?.stringValue,
                                     insideProvince: d["outside"]?.boolValue != true)
            ))
        case .warningIssued:
            return .warningIssued(try WarningCoding.read(d))
        case .warningUpdated:
            return .warningUpdated(try WarningCoding.read(d))
        case .warningCancelled:
            return .warningCancelled(warning: try string("warning"),
                                     cancels: (d["cancels"]?.arrayValue ?? []).compactMap(\.stringValue),
                                     headline: d["headline"]?.stringValue ?? "")
        case .warningExpired:
            return .warningExpired(warning: try string("warning"))
        case .unitStatus:
            guard let status = UnitStatus(rawValue: try string("status")) else { throw LogLineError("unknown unit status") }
            var location: GeoPoint?
            if let lat = d["lat"]?.doubleValue, let lon = d["lon"]?.doubleValue { location = GeoPoint(lat: lat, lon: lon) }
            guard let agency = Agency(rawValue: try string("agency")) else { throw LogLineError("unit.status entry has an unknown agency") }
            return .unitStatus(UnitStatusChange(unit: try string("unit"), agency: agency, status: status, location: location,
                                                incident: d["incident"]?.stringValue))
        case .commandAccepted:
            return .commandAccepted(try CommandCoding.readAcceptance(d))
        case .commandRejected:
            return .commandRejected(try CommandCoding.readRefusal(d))
        case .dispatchQueued, .dispatchClaimed, .dispatchAcked, .dispatchFailed:
            return try DispatchCoding.read(kind, d)
        case .feedUp, .feedDown, .feedStale:
            let state: FeedStateChange.State = kind == .feedUp ? .up : kind == .feedDown ? .down : .stale
            return .feedState(FeedStateChange(feed: try string("feed"), state: state,
                                              reason: d["reason"]?.stringValue, url: d["url"]?.stringValue))
        default:
            throw LogLineError("entries of kind \(kind.rawValue) are not read back by this version", laterVersion: true)
        }
    }

    /// The embedded feed message is decoded again by the same decoder that accepted it.
    static func embeddedMessage(_ kind: LogKind, _ data: UnsafeRawBufferPointer) throws(LogLineError) -> LogEvent {
        var reader = JSONReader(data)
        var feed: String?, offset = 0
        var event: Range<Int>?
        do throws(JSONError) {
            try reader.readObject { (key, r) throws(JSONError) in
                if key == "feed" { feed = try r.readString() }
                else if key == "offset" {
                    let v = try r.readNumber()
                    guard v >= 0, v < 9e15, v == v.rounded() else { throw r.error("`offset` must be a byte offset") }
                    offset = Int(v)
                }
                else if key == "event" { event = try r.skipValue() }
                else { try r.skipValue() }
            }
        } catch {
            throw LogLineError("`data`: \(error)")
        }
        guard let feed, let event else { throw LogLineError("\(kind.rawValue) entry lacks `feed` or `event`") }
        let raw = UnsafeRawBufferPointer(rebasing: data[event])
        let message: FeedMessage
        do throws(RejectReason) {
            message = try CloudEventDecoder.decode(raw)
        } catch {
            throw LogLineError("the accepted message no longer decodes: \(error)")
        }
        switch (kind, message) {
        case (.trainingExpectations, .expectations(let expectations)):
            return .trainingExpectations(feed: feed, offset: offset, expectations: expectations, event: Array(raw))
        case (.trainingExpectations, _):
            throw LogLineError("training.expectations entry holds a \(message.envelope?.type ?? "other") message")
        case (_, .expectations):
            throw LogLineError("report.accepted entry holds training expectations; they are logged as training.expectations")
        default:
            return .reportAccepted(feed: feed, offset: offset, message: message, event: Array(raw))
        }
    }
}
