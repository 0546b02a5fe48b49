import WatchfloorCore

/// `report --json`: the after-action report for tools, in a stable shape (README; fields may
/// be added, none renamed). Every member is present, null when there is no value. Times are
/// RFC 3339 in scenario time; durations are seconds: an expected row's from its `started`,
/// an incident's from its opening.
public enum ReportJSON {
    public static func bytes(_ report: AfterActionReport) -> [UInt8] {
        var w = JSONWriter(capacity: 1 << 14)
        w.beginObject()
        w.key("span")
        w.beginObject()
        w.nullable("start", report.start?.rfc3339)
        w.nullable("end", report.end?.rfc3339)
        w.nullable("seconds", report.start.flatMap { s in report.end.map { $0.seconds(since: s) } })
        w.endObject()
        w.member("training_entries", report.trainingEntries)
        w.key("operators")
        w.beginArray()
        for op in report.operators {
            w.beginObject()
            w.member("id", op.id)
            w.member("accepted", op.accepted)
            w.member("refused", op.refused)
            w.endObject()
        }
        w.endArray()
        w.key("expectations")
        w.strings(report.expectationLines.map(\.description))
        w.key("expected")
        w.beginArray()
        for outcome in report.expected { write(outcome, to: &w) }
        w.endArray()
        w.key("other_incidents")
        w.beginArray()
        for times in report.others {
            w.beginObject()
            w.member("title", times.title)
            writeTimes(times, to: &w)
            w.endObject()
        }
        w.endArray()
        w.key("totals")
        write(report.totals, to: &w)
        w.endObject()
        return w.bytes
    }

    static func write(_ outcome: ExpectedOutcome, to w: inout JSONWriter) {
        let e = outcome.expectation
        w.beginObject()
        w.member("report", e.report)
        w.nullable("title", e.title ?? outcome.incident?.title)
        w.member("from", e.from.rawValue)
        w.nullable("acknowledge_within", e.acknowledgeWithin)
        w.nullable("dispatch_within", e.dispatchWithin)
        w.key("unit_kinds")
        w.strings(e.unitKinds)
        w.member("verdict", outcome.verdict.rawValue)
        w.key("reasons")
        w.strings(outcome.reasons)
        w.nullable("incident", outcome.incident?.incident)
        w.nullable("started", outcome.started?.rfc3339)
        w.nullable("acknowledged", outcome.acknowledged?.rfc3339)
        w.nullable("acknowledge_seconds", outcome.acknowledgeMilliseconds.map(seconds))
        w.nullable("acknowledge", outcome.acknowledge?.rawValue)
        w.nullable("dispatched", outcome.firstDispatch?.rfc3339)
        w.nullable("dispatch_seconds", outcome.dispatchMilliseconds.map(seconds))
        w.nullable("dispatch", outcome.dispatch?.rawValue)
        w.key("units")
        writeUnits(outcome.sent, from: outcome.started, to: &w)
        w.key("sent_kinds")
        w.strings(outcome.sent.kinds)
        w.key("missing_kinds")
        w.strings(outcome.missingKinds)
        w.key("late_kinds")
        w.strings(outcome.lateKinds)
        w.key("times")
        if let times = outcome.incident {
            w.beginObject()
            w.member("title", times.title)
            writeTimes(times, to: &w)
            w.endObject()
        } else {
            w.null()
        }
        w.endObject()
    }

    /// The members every incident row has, expected or not.
    static func writeTimes(_ t: IncidentTimes, to w: inout JSONWriter) {
        w.member("incident", t.incident)
        w.key("merged")
        w.strings(t.merged)
        w.member("opened", t.opened.rfc3339)
        w.nullable("acknowledged", t.acknowledged?.rfc3339)
        w.nullable("acknowledge_seconds", t.acknowledgeMilliseconds.map(seconds))
        w.nullable("dispatched", t.firstDispatch?.rfc3339)
        w.nullable("dispatch_seconds", t.dispatchMilliseconds.map(seconds))
        w.nullable("closed", t.closed?.rfc3339)
        w.key("units")
        writeUnits(t.sent, from: t.opened, to: &w)
        w.key("sent_kinds")
        w.strings(t.sentKinds)
    }

    /// Each unit sent, with the seconds from `start` to its order.
    static func writeUnits(_ units: [SentUnit], from start: Instant?, to w: inout JSONWriter) {
        w.beginArray()
        for unit in units {
            w.beginObject()
            w.member("unit", unit.unit)
            w.nullable("kind", unit.kind)
            w.member("at", unit.at.rfc3339)
            w.nullable("seconds", start.map { seconds(unit.at.milliseconds - $0.milliseconds) })
            w.endObject()
        }
        w.endArray()
    }

    static func write(_ t: AfterActionReport.Totals, to w: inout JSONWriter) {
        w.beginObject()
        w.member("expected", t.expected)
        w.member("met", t.met)
        w.member("late", t.late)
        w.member("missed", t.missed)
        w.member("unjudged", t.unjudged)
        w.member("incidents", t.incidents)
        w.member("acknowledged", t.acknowledged)
        w.member("dispatched", t.dispatched)
        w.nullable("median_acknowledge_seconds", t.medianAcknowledgeMilliseconds.map(seconds))
        w.nullable("median_dispatch_seconds", t.medianDispatchMilliseconds.map(seconds))
        w.endObject()
    }

    static func seconds(_ milliseconds: Int64) -> Double { Double(milliseconds) / 1000 }
}

extension JSONWriter {
    mutating func strings(_ values: [String]) {
        beginArray()
        for v in values { string(v) }
        endArray()
    }
}
