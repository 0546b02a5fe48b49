import Testing
@testable import WatchfloorCore

/// A console scoped to a city or county covers the incidents placed there, and acts only on them.
@Suite("Jurisdiction")
struct JurisdictionTests {
    @Test("codes of the province, a city or a county; anything else is refused", arguments: [
        ("37", "37"), ("370000", "37"), ("3701", "3701"), ("370100", "3701"), ("370102", "370102"),
    ])
    func prefixes(_ code: String, _ prefix: String) {
        #expect(Jurisdiction(adcode: code)?.prefix == prefix)
    }

    @Test("not Shandong, or not a code", arguments: ["", "11", "110100", "3701a", "37010", "３７０１"])
    func refused(_ code: String) {
        #expect(Jurisdiction(adcode: code) == nil)
    }

    @Test("covers by county, else by city; an incident placed nowhere is everyone's")
    func covers() {
        let jinan = Jurisdiction(adcode: "3701")!
        #expect(jinan.covers(Placement(countyCode: "370102", cityCode: "370100", insideProvince: true)))
        #expect(!jinan.covers(Placement(countyCode: "370303", cityCode: "370300", insideProvince: true)))
        #expect(jinan.covers(Placement(cityCode: "370100", insideProvince: true)))
        #expect(jinan.covers(.unknown))
        #expect(Jurisdiction(adcode: "37")!.covers(Placement(countyCode: "370303", cityCode: "370300", insideProvince: true)))
    }
}
