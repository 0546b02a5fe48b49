import Foundation
import Testing

/// The id of an incident a bundled scenario made, found by a report it holds.
///
/// Incident ids (`SD-0017`) are numbered by correlation, in the order incidents open: a change
/// to correlation renumbers them. A test that means "the fire at 洪家楼" names a report of
/// that fire (`/sd/370100/fire#JN-FIRE-20260715-0048`, from demo-data/scenarios) and looks up
/// the incident holding it, so its commands and expected answers follow the board.
extension Watchfloor {
    /// The incidents of `watchfloor board --store STORE --json`, as Foundation parses them.
    static func boardIncidents(store: String, in dir: Scratch, environment: [String: String] = [:],
                               sourceLocation: SourceLocation = #_sourceLocation) async throws -> [[String: Any]] {
        let board = try await succeed(["board", "--store", store, "--json"], in: dir.url, environment: environment, sourceLocation: sourceLocation)
        return try #require(JSONLines.object(board.stdout), "board --json printed: \(board.stdoutText.prefix(300))", sourceLocation: sourceLocation)
            .array("incidents")
    }

    /// The incident of `incidents` whose `reports` hold `report` (`source#id`), or nil.
    static func incident(holding report: String, among incidents: [[String: Any]]) -> [String: Any]? {
        incidents.first { incident in
            incident.array("reports").contains { "\($0.string("source") ?? "")#\($0.string("id") ?? "")" == report }
        }
    }

    /// The id of the incident on STORE's board whose reports hold `report`, written
    /// `source#id` as in the scenario file (`/sd/370100/fire#JN-FIRE-20260715-0048`). Fails the
    /// test, naming the report and the store, when no incident holds it.
    static func incident(holding report: String, store: String, in dir: Scratch,
                         sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await incidents(holding: [report], store: store, in: dir, sourceLocation: sourceLocation)[0]
    }

    /// The ids of the incidents holding each of `reports`, in their order, from one reading of
    /// the board.
    static func incidents(holding reports: [String], store: String, in dir: Scratch,
                          sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
        let incidents = try await boardIncidents(store: store, in: dir, sourceLocation: sourceLocation)
        return try reports.map { report in
            try #require(incident(holding: report, among: incidents)?.string("id"),
                         "no incident on the board of \(store) holds the report \(report) (\(incidents.count) incidents)",
                         sourceLocation: sourceLocation)
        }
    }

    /// The number a duty officer may type for an incident instead of its id: `15` for `SD-0015`.
    static func number(of incident: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let digits = try #require(incident.split(separator: "-").last.flatMap { Int($0) }, "\(incident) is no SD-NNNN id", sourceLocation: sourceLocation)
        return String(digits)
    }
}

/// Reports of the Jinan rainstorm (demo-data/scenarios/jinan-rainstorm.jsonl) by which tests
/// find the incidents they mean, each with its title and time.
enum JinanReport {
    /// 泉城广场站1小时降水量52.6毫米 (weather, 15:55:30): the scenario's first incident.
    static let rainfall = "/sd/370100/weather#JN-WX-20260715-0003"
    /// 市民反映北园大街历山路口桥下开始积水 (12319 call, 16:05:40): waterlogging under the
    /// 北园大街 bridge, with no position, so an incident of its own.
    static let bridgeWaterlogging = "/sd/370100/urban#JN-URB-20260715-0112"
    /// 经十路与历山路交叉口下穿隧道积水，一辆小轿车熄火被困 (police, 16:48:10).
    static let carInUnderpass = "/sd/370100/police#JN-POL-20260715-0041"
    /// 北园大街历山路桥下一辆公交车涉水熄火，车内有乘客 (police, 17:02:15).
    static let busUnderBridge = "/sd/370100/police#JN-POL-20260715-0049"
    /// 槐荫区某小区地下车库进水，3人被困 (fire, 17:55:30).
    static let floodedGarage = "/sd/370100/fire#JN-FIRE-20260715-0037"
    /// 英雄山路下穿有人落水 (police, 18:12:00).
    static let drowning = "/sd/370100/police#JN-POL-20260715-0065"
    /// 历城区柳埠街道山体滑坡，无人员伤亡 (emergency, 19:05:00).
    static let landslide = "/sd/370100/emergency#JN-EMER-20260715-0044"
    /// 七里山路某老旧小区围墙倒塌约15米 (urban, 19:22:00).
    static let wallCollapse = "/sd/370103/urban#SZ-URB-20260715-0002"
    /// 洪家楼某居民楼配电箱进水短路起火 (fire, 19:40:30): a fire, to which fire, emergency and
    /// police units may go.
    static let fire = "/sd/370100/fire#JN-FIRE-20260715-0048"
}

/// Reports of the Zibo chemical fire (demo-data/scenarios/zibo-chemical-fire.jsonl).
enum ZiboReport {
    /// 临淄区某化工有限公司储罐区起火 (119, 14:07:05): the tank fire, the scenario's first incident.
    static let tankFire = "/sd/370300/fire#ZB119-20260409-012"
}
