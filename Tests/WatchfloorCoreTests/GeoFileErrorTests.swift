import Foundation
import Testing
@testable import WatchfloorCore

@Suite("Geo: refusing a bad geography file")
struct GeoFileErrorTests {
    static let square = #"[[[117,36],[117.1,36],[117.1,36.1],[117,36.1],[117,36]]]"#
    static let bbox = "[117,36,117.1,36.1]"

    static func file(crs: String = "GCJ-02", county: String? = nil) -> Data {
        let c = county ?? #"{"adcode":"370102","name":"历下区","parent":"370100","centroid":[117.05,36.05],"bbox":\#(bbox),"rings":\#(square)}"#
        return Data(#"""
        {"attribution":"test","crs":"\#(crs)","source":"test",
         "province":{"adcode":"370000","name":"山东省","centroid":[117.05,36.05],"bbox":\#(bbox),"rings":\#(square)},
         "cities":[{"adcode":"370100","name":"济南市","parent":"370000","centroid":[117.05,36.05],"bbox":\#(bbox),"rings":\#(square)}],
         "counties":[\#(c)]}
        """#.utf8)
    }

    func refusal(_ data: Data) -> GazetteerError? {
        do {
            _ = try Gazetteer(json: data)
            return nil
        } catch {
            return error as? GazetteerError
        }
    }

    @Test func aGoodSmallFileLoads() throws {
        let g = try Gazetteer(json: Self.file())
        #expect(g.counties.count == 1)
        #expect(g.county(containing: GeoPoint(lat: 36.05, lon: 117.05))?.name == "历下区")
        #expect(g.county(containing: GeoPoint(lat: 36.2, lon: 117.05)) == nil)
    }

    /// Where a simplified border crosses itself, a sliver a few metres wide can be in the province
    /// but in no county; a report there still gets the nearest county.
    @Test func aPointInTheProvinceButInNoCountyGoesToTheNearest() throws {
        let county = #"{"adcode":"370102","name":"历下区","parent":"370100","centroid":[117.04,36.05],"bbox":[117,36,117.09,36.1],"rings":[[[117,36],[117.09,36],[117.09,36.1],[117,36.1],[117,36]]]}"#
        let g = try Gazetteer(json: Self.file(county: county))
        let sliver = GeoPoint(lat: 36.05, lon: 117.095)
        #expect(g.county(containing: sliver) == nil)
        #expect(g.province.contains(sliver))
        #expect(g.placement(of: sliver, adcode: nil) == Placement(countyCode: "370102", cityCode: "370100", insideProvince: true))
        #expect(g.placement(of: GeoPoint(lat: 36.05, lon: 117.2), adcode: nil) == Placement(insideProvince: false))
    }

    @Test func missingKeyIsNamedWithItsPath() throws {
        let e = try #require(refusal(Self.file(county: #"{"adcode":"370102","name":"历下区","parent":"370100","centroid":[117.05,36.05],"bbox":\#(Self.bbox)}"#)))
        #expect(e.path == "counties[0]")
        #expect(e.problem == "the key \"rings\" is missing")
    }

    @Test func wrongTypesAndShapesSayWhere() throws {
        let stringCentroid = try #require(refusal(Self.file(county: #"{"adcode":"370102","name":"历下区","parent":"370100","centroid":"x","bbox":\#(Self.bbox),"rings":\#(Self.square)}"#)))
        #expect(stringCentroid.path == "counties[0].centroid")
        #expect(stringCentroid.problem == "expected an array, found a string")
        let numberInRing = try #require(refusal(Self.file(county: #"{"adcode":"370102","name":"历下区","parent":"370100","centroid":[117.05,36.05],"bbox":\#(Self.bbox),"rings":[[[117,36],[117.1,36],[117.1,"36.1"]]]}"#)))
        #expect(numberInRing.path == "counties[0].rings[0][2][1]" || numberInRing.path == "counties[0].rings[0][2]")
        let shortRing = try #require(refusal(Self.file(county: #"{"adcode":"370102","name":"历下区","parent":"370100","centroid":[117.05,36.05],"bbox":\#(Self.bbox),"rings":[[[117,36],[117.1,36]]]}"#)))
        #expect(shortRing.path == "counties[0].rings[0]")
        #expect(shortRing.problem.contains("at least 3 points"))
        let badPoint = try #require(refusal(Self.file(county: #"{"adcode":"370102","name":"历下区","parent":"370100","centroid":[117.05,36.05],"bbox":\#(Self.bbox),"rings":[[[117,36],[117.1,36],[117.1,136.1]]]}"#)))
        #expect(badPoint.path == "counties[0].rings[0][2]")
        let orphan = try #require(refusal(Self.file(county: #"{"adcode":"370202","name":"市南区","parent":"370200","centroid":[117.05,36.05],"bbox":\#(Self.bbox),"rings":\#(Self.square)}"#)))
        #expect(orphan.path == "counties[0].parent")
        let badCode = try #require(refusal(Self.file(county: #"{"adcode":"3701","name":"历下区","parent":"370100","centroid":[117.05,36.05],"bbox":\#(Self.bbox),"rings":\#(Self.square)}"#)))
        #expect(badCode.path == "counties[0].adcode")
        let badBox = try #require(refusal(Self.file(county: #"{"adcode":"370102","name":"历下区","parent":"370100","centroid":[117.05,36.05],"bbox":[117,36,117.2,36.1],"rings":\#(Self.square)}"#)))
        #expect(badBox.path == "counties[0].bbox")
        #expect(badBox.problem.contains("derive-geo.py"))
    }

    @Test func anotherDatumIsRefused() throws {
        let e = try #require(refusal(Self.file(crs: "WGS-84")))
        #expect(e.path == "crs")
        #expect(e.problem.contains("GCJ-02"))
    }

    @Test func notJSONIsRefused() throws {
        let e = try #require(refusal(Data("{\"attribution\":".utf8)))
        #expect(e.problem.contains("not readable JSON"))
        let missingTop = try #require(refusal(Data(#"{"attribution":"a","crs":"GCJ-02","source":"s","cities":[],"counties":[]}"#.utf8)))
        #expect(missingTop.description == "geography file: the key \"province\" is missing")
    }
}
