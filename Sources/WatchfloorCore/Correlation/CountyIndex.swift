/// Open incidents by county, newest activity last, for reports that carry only an admin code
/// and for incidents first reported without a position. An incident is noted again each time
/// a report joins it, so a backward scan can stop at the first entry older than the report's
/// time window: the cost per report depends on the county's recent activity, not on how many
/// incidents the board holds.
struct CountyIndex: Sendable {
    struct Entry: Sendable {
        var incident: Int32
        var at: Instant
        var located: Bool
    }

    /// A list whose stale front is dropped by moving `head`, and compacted now and then.
    struct Recent: Sendable {
        var entries: [Entry] = []
        var head = 0

        mutating func dropOlder(than horizon: Instant) {
            while head < entries.count && entries[head].at < horizon { head += 1 }
            if head > 1024 && head * 2 > entries.count {
                entries.removeFirst(head)
                head = 0
            }
        }
    }

    private var counties: [String: Recent] = [:]

    mutating func note(_ incident: Int32, county: String, at: Instant, located: Bool) {
        counties[county, default: Recent()].entries.append(Entry(incident: incident, at: at, located: located))
    }

    /// Visits the incidents of `county` without a position that had activity since `since`,
    /// newest first (an incident may be visited more than once). Entries older than `horizon`
    /// are forgotten.
    mutating func forEachRecentUnplaced(in county: String, since: Instant, horizon: Instant, _ visit: (Int32) -> Void) {
        guard counties[county] != nil else { return }
        counties[county]!.dropOlder(than: horizon)
        let recent = counties[county]!
        var i = recent.entries.count - 1
        // Entries are in the order reports were applied, which is time order but for late
        // reports: scan an hour past the window before stopping.
        let stop = since.adding(seconds: -3600)
        while i >= recent.head {
            let e = recent.entries[i]
            if e.at < stop { break }
            if e.at >= since && !e.located { visit(e.incident) }
            i -= 1
        }
    }
}
