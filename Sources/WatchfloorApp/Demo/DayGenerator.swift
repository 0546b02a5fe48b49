import WatchfloorCore

/// Writes an ordinary day across all 16 cities as CloudEvents JSON Lines, sorted by time:
/// incidents reported by one to three agencies the way real reports differ (tens of metres
/// apart, a minute or two late, other words), updates, a few false alarms, units moving,
/// heartbeats and one weather warning. The same seed gives the same bytes.
public struct DayGenerator {
    let gazetteer: Gazetteer
    let units: [WatchfloorCore.Unit]
    let dayStart: Instant
    let eventCount: Int
    var random: SeededRandom
    var pending = EventHeap()
    var order = 0
    var serial: [Agency: Int] = [:]
    let dateStamp: String
    /// Jinan's and Qingdao's counties, which get more than their share of calls.
    let bigCityCounties: [Division]
    /// Units by agency and the first four digits of their city.
    let unitsByCity: [String: [WatchfloorCore.Unit]]

    /// `date` is `YYYY-MM-DD`; the day runs from midnight China time.
    public init(gazetteer: Gazetteer, units: [WatchfloorCore.Unit], seed: UInt64, events: Int, date: String) throws(AppError) {
        guard let start = Instant(rfc3339: date + "T00:00:00+08:00") else {
            throw AppError("--date \(date) is not a date like 2026-11-24")
        }
        self.gazetteer = gazetteer
        self.units = units
        self.dayStart = start
        self.eventCount = events
        self.random = SeededRandom(seed: seed)
        self.dateStamp = date.replacingOccurrences(of: "-", with: "")
        self.bigCityCounties = gazetteer.counties.filter { $0.parent == "370100" || $0.parent == "370200" }
        self.unitsByCity = Dictionary(grouping: units) { "\($0.agency.rawValue)/\($0.adcode.prefix(4))" }
    }

    /// Calls `emit` with each line (without newline), exactly `events` of them.
    public mutating func generate(_ emit: ([UInt8]) -> Void) {
        var emitted = 0
        let day = 86_400_000.0
        let expectedIncidents = max(1.0, Double(eventCount) / 2.6)
        let meanGap = day / expectedIncidents
        let heartbeatGap = Int64(max(60_000.0, day * 6 / (Double(eventCount) * 0.02)))
        var nextHeartbeat = dayStart.milliseconds
        var t = Double(dayStart.milliseconds)
        var warned = false
        let cumulative = DayTemplates.kinds.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1.weight) }
        while emitted < eventCount {
            // Fewer calls at night, more in the rush hours; the factor averages about 1.
            let hour = Int((t - Double(dayStart.milliseconds)) / 3_600_000) % 24
            let busy = [0.35, 0.25, 0.2, 0.2, 0.25, 0.4, 0.8, 1.4, 1.6, 1.3, 1.2, 1.2, 1.1, 1.1, 1.2, 1.2, 1.3, 1.6, 1.7, 1.4, 1.2, 1.0, 0.8, 0.5][hour]
            t += meanGap / busy * (0.5 + random.unit())
            let now = Int64(t)
            while nextHeartbeat <= now {
                for agency in Agency.allCases { schedule(nextHeartbeat, heartbeat(agency, at: nextHeartbeat)) }
                nextHeartbeat += heartbeatGap
            }
            if !warned && now >= dayStart.milliseconds + 6 * 3_600_000 && eventCount >= 200 {
                warned = true
                scheduleWarning(at: now)
            }
            while let next = pending.peek(), next.time <= now, emitted < eventCount {
                emit(pending.pop()!.line)
                emitted += 1
            }
            guard emitted < eventCount else { break }
            let pickWeight = random.below(cumulative.last!)
            let kind = DayTemplates.kinds[cumulative.firstIndex { pickWeight < $0 }!]
            scheduleIncident(kind, at: now)
        }
    }

    mutating func schedule(_ time: Int64, _ line: [UInt8]) {
        order += 1
        pending.push(EventHeap.Item(time: time, order: order, line: line))
    }

    mutating func nextID(_ agency: Agency) -> String {
        let n = (serial[agency] ?? 0) + 1
        serial[agency] = n
        let digits = String(n)
        return "\(agency.unitPrefix)-\(dateStamp)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// A county weighted towards the big cities, and a point inside it.
    mutating func place() -> (Division, GeoPoint) {
        let counties = gazetteer.counties
        var county = random.pick(counties)
        if random.unit() < 0.3, !bigCityCounties.isEmpty {
            county = random.pick(bigCityCounties)
        }
        for _ in 0..<6 {
            let p = GeoPoint(lat: county.centroid.lat + (random.unit() - 0.5) * 0.06,
                             lon: county.centroid.lon + (random.unit() - 0.5) * 0.08)
            if county.contains(p) { return (county, p) }
        }
        return (county, county.centroid)
    }

    /// A point `metres` away in a random direction.
    mutating func nudge(_ p: GeoPoint, metres: Double) -> GeoPoint {
        let angle = random.unit() * 2 * .pi
        let dLat = metres * cosApprox(angle) / 111_320
        let dLon = metres * sinApprox(angle) / (111_320 * 0.8)
        return GeoPoint(lat: (p.lat + dLat).roundedTo5, lon: (p.lon + dLon).roundedTo5)
    }
}

extension Double {
    /// Five decimals: about a metre, as feeds send positions.
    var roundedTo5: Double { (self * 100_000).rounded() / 100_000 }
}

// Polynomial sine and cosine keep the output identical on every platform's libm.
func sinApprox(_ x: Double) -> Double {
    var a = x.truncatingRemainder(dividingBy: 2 * .pi)
    if a > .pi { a -= 2 * .pi }
    if a < -.pi { a += 2 * .pi }
    let a2 = a * a
    return a * (1 - a2 / 6 * (1 - a2 / 20 * (1 - a2 / 42 * (1 - a2 / 72 * (1 - a2 / 110)))))
}

func cosApprox(_ x: Double) -> Double { sinApprox(x + .pi / 2) }
