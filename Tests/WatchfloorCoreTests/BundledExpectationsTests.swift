import Foundation
import Testing
@testable import WatchfloorCore

/// The bundled scenarios' expectations can be met: every report they name opens or joins an
/// incident, and every kind they ask for can be dispatched to that incident (its run card
/// takes the kind's agency) from the unit catalogue.
@Suite("Bundled scenario expectations")
struct BundledExpectationsTests {
    @Test("every expectation names an incident of the replay and asks only for kinds a trainee can send",
          arguments: ["jinan-rainstorm", "zibo-chemical-fire", "qingdao-typhoon"])
    func achievable(scenario: String) throws {
        let units = try UnitCatalogue.decode(try Data(contentsOf: TestData.url("demo-data/units.json")))
        var intake = Intake(board: Board(units: units), correlator: Correlator(places: TestData.gazetteer), exercise: true)
        let sealed = ingestAll(try TestData.lines("demo-data/scenarios/\(scenario).jsonl"), into: &intake, feed: scenario)
        #expect(!sealed.contains { $0.entry.kind == .reportRejected })
        guard case .trainingExpectations(_, _, let expectations, _)? = sealed.first?.entry.event else {
            Issue.record("the first entry is not the scenario's expectations")
            return
        }
        #expect(sealed.filter { $0.entry.kind == .trainingExpectations }.count == 1)
        #expect(expectations.responses.count >= 5)
        let board = intake.board
        let agencyOfKind = Dictionary(units.map { ($0.kind, $0.agency) }, uniquingKeysWith: { a, _ in a })
        for response in expectations.responses {
            let key = try #require(ReportKey(parsing: response.report), "\(response.report) is source#id")
            guard let incident = board.incident(of: key) else {
                Issue.record("\(scenario): \(response.report) is on no incident")
                continue
            }
            let card = RunCard.card(for: incident.category)
            for kind in response.unitKinds {
                let agency = try #require(agencyOfKind[kind], "no unit is of kind \(kind)")
                #expect(card.agencies.contains(agency),
                        "\(scenario): \(response.report) is on \(incident.id), a \(incident.category.rawValue) incident, which takes no \(agency.rawValue) unit (\(kind))")
            }
            #expect(response.title?.isEmpty == false)
        }
    }
}
