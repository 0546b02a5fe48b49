import Foundation
import WatchfloorCore

/// A busy province for the frame benchmark: open incidents reported by real feeds all over
/// Shandong through the intake (so places, grid cells and reporting agencies are what a
/// replay would give), about a third of them confirmed by a second agency, and a few
/// rainstorm warnings over cities, all from one seed.
struct BenchBoard {
    let gazetteer: Gazetteer
    var intake: Intake
    var random = SeededRandom(seed: 20_261_124)
    private var sent = 0
    private var second = 0
    private static let start = Instant(rfc3339: "2026-11-24T08:00:00+08:00")!
    // Point incidents with narrow correlation windows, so that separate reports stay
    // separate incidents the way they do on an ordinary busy day.
    private static let categories = ["traffic_accident", "medical", "fire", "public_order", "manhole", "waterlogging", "crime", "road_damage"]
    private static let agencies = ["police", "emergency", "fire", "urban", "transport"]

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        intake = Intake(board: Board(), correlator: Correlator(places: gazetteer), exercise: true)
    }

    /// Reports until `open` incidents are open, spread over the eight hours after 08:00.
    mutating func fill(open: Int, warnings: Int) {
        issueWarnings(warnings)
        while intake.board.incidents.count < open { report() }
    }

    /// One new report somewhere in the province, a minute at most after the last; one time in
    /// three a second agency reports the same thing a little later and a few metres away.
    mutating func report() {
        second += 1 + random.below(3)
        let county = gazetteer.counties[random.below(gazetteer.counties.count)]
        let lat = county.centroid.lat + (random.unit() - 0.5) * 0.3
        let lon = county.centroid.lon + (random.unit() - 0.5) * 0.4
        let category = random.pick(Self.categories)
        let agency = random.below(Self.agencies.count)
        ingest(county: county.adcode, name: county.name, agency: Self.agencies[agency], category: category, lat: lat, lon: lon)
        if random.below(3) == 0 {
            second += 1
            let other = Self.agencies[(agency + 1 + random.below(Self.agencies.count - 1)) % Self.agencies.count]
            ingest(county: county.adcode, name: county.name, agency: other, category: category, lat: lat + 0.0003, lon: lon - 0.0002)
        }
    }

    private mutating func ingest(county: String, name: String, agency: String, category: String, lat: Double, lon: Double) {
        sent += 1
        let time = Self.start.adding(seconds: Double(second))
        let line = "{\"specversion\":\"1.0\",\"id\":\"FC-\(sent)\",\"source\":\"/sd/\(county)/\(agency)\",\"type\":\"incident.report\",\"time\":\"\(time.rfc3339)\",\"data\":{\"category\":\"\(category)\",\"title\":\"\(name)某路段接报事件第\(sent)号\",\"lat\":\(lat),\"lon\":\(lon),\"adcode\":\"\(county)\",\"address\":\"山东省\(name)\",\"refs\":[]}}"
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { intake.ingest($0, at: FeedPosition(feed: "bench", offset: 0, line: sent)) }
    }

    /// Rainstorm warnings over boxes around the first cities, as the weather feed issues them.
    private mutating func issueWarnings(_ count: Int) {
        for city in gazetteer.cities.prefix(count) {
            let c = city.centroid
            let ring = [(-0.3, -0.4), (-0.3, 0.4), (0.3, 0.4), (0.3, -0.4), (-0.3, -0.4)].map { GeoPoint(lat: c.lat + $0.0, lon: c.lon + $0.1) }
            let area = WarningArea(description: city.name, polygons: [ring], circles: [], geocodes: [])
            let warning = Warning(id: "FC-WX-\(city.adcode)", sender: city.name + "气象台", level: .II, event: "暴雨橙色预警",
                                  headline: city.name + "暴雨橙色预警", areas: [area], effective: nil, expires: nil)
            _ = intake.record(LogEntry(at: Self.start, actor: "feed:weather", exercise: true, event: .warningIssued(warning)))
        }
    }

    /// One change an officer sees on a busy board: a new report, or an acknowledgement.
    mutating func change(_ n: Int) {
        if n % 2 == 0 {
            report()
        } else {
            let id = Board.id(number: 1 + random.below(intake.board.incidents.count))
            _ = intake.command("ack \(id)", operator: "bench", at: intake.board.clock ?? Self.start)
        }
    }
}
