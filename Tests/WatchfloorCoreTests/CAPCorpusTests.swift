import Foundation
import Testing
@testable import WatchfloorCore

/// What the accepted corpus files decode to, checked against the documents themselves.
@Suite("CAP corpus contents")
struct CAPCorpusTests {
    @Test func canadaHasTwoLanguagesPolygonsGeocodesAndReferences() throws {
        let alert = try CAPCorpus.alert("canada.cap")
        #expect(alert.version == .v1_2)
        #expect(alert.msgType == .update)
        #expect(alert.sent == Date(timeIntervalSince1970: 1_336_000_864)) // 2012-05-02T23:21:04-00:00
        #expect(alert.infos.map(\.language) == ["en-CA", "fr-CA"])
        #expect(alert.codes == ["profile:CAP-CP:0.4", "layer:EC-MSC-SMC:1.0", "layer:SOREM:1.0"])
        #expect(alert.note == nil) // <note/>

        #expect(alert.references.count == 2)
        let first = try #require(alert.references.first)
        #expect(first.sender == "cap@ec.gc.ca")
        #expect(first.identifier == "2.49.0.1.124.a3f342a4.2012")
        #expect(first.sent == "2012-05-02T21:45:05-00:00")
        #expect(first.sentDate == Date(timeIntervalSince1970: 1_335_995_105))

        for info in alert.infos {
            #expect(info.areas.count == 2)
            #expect(info.areas.flatMap(\.polygons).count == 2)
            #expect(info.areas.flatMap(\.geocodes).count == 13)
            #expect(info.parameters.count == 5)
            #expect(info.urgency == "Past" && info.severity == "Minor" && info.certainty == "Observed")
            #expect(info.responseTypes == ["AllClear"])
        }
        let french = alert.infos[1]
        #expect(french.description == "C'est l'\u{E9}preuve - ce message de PAC a \u{E9}t\u{E9} cr\u{E9}\u{E9} pour les buts d'essai seulement.")
        #expect(french.areas[0].areaDesc == "Windsor - Leamington - comt\u{E9} d'Essex")
        #expect(alert.highestLevel == .IV)

        let essex = alert.infos[0].areas[0]
        #expect(essex.geocodes.first == CAPNamedValue(valueName: "layer:EC-MSC-SMC:1.0:CLC", value: "041420"))
        #expect(essex.polygons[0].count == 17)
        #expect(essex.polygons[0].first == GeoPoint(lat: 42.3481, lon: -82.9314)) // latitude first
        #expect(essex.contains(GeoPoint(lat: 42.05, lon: -82.60))) // Leamington
        #expect(!essex.contains(GeoPoint(lat: 43.65, lon: -79.38))) // Toronto

        // Placed in Essex County, Ontario, far outside Shandong.
        let p = try #require(alert.representativePoint)
        #expect((41.7...42.4).contains(p.lat) && (-83.2 ... -82.3).contains(p.lon), "\(p)")
    }

    @Test func canadaSignedSkipsTheSignature() throws {
        let alert = try CAPCorpus.alert("canada_signed.cap")
        #expect(alert.identifier == "2.49.0.1.124.f2c83f5f.2013")
        #expect(alert.references.count == 9)
        #expect(alert.infos.count == 2)
        #expect(alert.infos[1].areas[1].areaDesc == "\u{CE}le \u{E0} la Crosse - Buffalo Narrows - Beauval")
        // Signature children such as <Reference> and <X509Data> never become CAP elements.
        #expect(alert.infos.allSatisfy { $0.areas.count == 2 })
    }

    @Test func earthquakeIsCAP11WithACircle() throws {
        let alert = try CAPCorpus.alert("earthquake.cap")
        #expect(alert.version == .v1_1)
        #expect(alert.sentText == "2010-08-31T00:09:25-05:00")
        #expect(alert.sent == Date(timeIntervalSince1970: 1_283_231_365))
        let info = try #require(alert.infos.first)
        #expect(info.language == "en-US") // CAP's default when <language> is absent
        #expect(info.eventCodes == [CAPNamedValue(valueName: "SAME", value: "EQW")])
        #expect(info.parameters.count == 12)
        let circle = try #require(info.areas.first?.circles.first)
        #expect(circle.center == GeoPoint(lat: -16.053, lon: -173.274))
        #expect(circle.radiusMetres == 0)
        #expect(alert.representativePoint == circle.center)
        #expect(alert.highestLevel == nil) // severity Unknown
    }

    @Test func australiaPrefixedNamespace() throws {
        let alert = try CAPCorpus.alert("australia.cap")
        #expect(alert.identifier == "tag:www.rfs.nsw.gov.au2011-10-06:40184")
        #expect(alert.sender == "webmaster@rfs.nsw.gov.au")
        #expect(alert.infos.count == 2)
        let info = alert.infos[0]
        #expect(info.categories == ["Fire", "Met"])
        #expect(info.headline == "Yerong Creek Structure Fire")
        #expect(info.description?.hasPrefix("ALERT LEVEL: Not Applicable<br />LOCATION:") == true) // &lt; decoded
        #expect(info.parameters.contains(CAPNamedValue(valueName: "AllocatedResources", value: "")))
        let area = try #require(info.areas.first)
        #expect(area.polygons.isEmpty)
        let circle = try #require(area.circles.first)
        #expect(circle.center == GeoPoint(lat: -35.3888, lon: 147.0598))
        #expect(circle.radiusMetres == 25_000)
        #expect(area.contains(GeoPoint(lat: -35.3888, lon: 147.17))) // about 10 km east
        #expect(!area.contains(GeoPoint(lat: -35.3888, lon: 147.40))) // about 31 km east
        #expect(alert.highestLevel == .IV)
    }

    @Test func iso8859TextIsDecodedNotMojibake() throws {
        let alert = try CAPCorpus.alert("earthquake-iso8859-1.cap")
        let info = try #require(alert.infos.first)
        #expect(info.headline == "EQ 4.6 Usulut\u{E1}n, Usulut\u{E1}n, El Salvador - PRELIMINARY REPORT")
        #expect(info.areas.first?.areaDesc.hasPrefix("47 miles (76 km) SSW of Usulut\u{E1}n,") == true)
        #expect(info.onset == Date(timeIntervalSince1970: 1_350_254_456)) // 2012-10-14T22:40:56+00:00
    }

    @Test func earthquakeSignedIsPlacedInCalifornia() throws {
        let alert = try CAPCorpus.alert("earthquake_signed.cap")
        #expect(alert.version == .v1_1)
        let p = try #require(alert.representativePoint)
        #expect((32.5...42.0).contains(p.lat) && (-124.5 ... -114.1).contains(p.lon), "The Geysers, CA: \(p)")
    }

    /// expected.tsv describes weather.cap as having a polygon, but the file has none: its area
    /// is given only by FIPS6 and UGC geocodes (Lewis and Clark County, Montana). So it has no
    /// representative point, and the geocodes are what place it in Montana (state FIPS 30).
    @Test func weatherIsAMontanaFlashFloodWatchByGeocode() throws {
        let alert = try CAPCorpus.alert("weather.cap")
        #expect(alert.version == .v1_1)
        #expect(alert.sent == Date(timeIntervalSince1970: 1_283_162_820)) // 2010-08-30T04:07:00-06:00
        let info = try #require(alert.infos.first)
        #expect(info.event == "Flash Flood Watch")
        #expect(info.level == .II)
        #expect(info.parameter("VTEC")?.contains("/O.CON.KTFX.FF.A.0003.") == true)
        let area = try #require(info.areas.first)
        #expect(area.polygons.isEmpty && area.circles.isEmpty)
        #expect(area.geocodes == [CAPNamedValue(valueName: "FIPS6", value: "030049"), CAPNamedValue(valueName: "UGC", value: "MTZ014")])
        #expect(area.geocodes[0].value.hasPrefix("030")) // Montana
        #expect(alert.representativePoint == nil)
    }

    @Test func tsunamiWarningIsLevelOneWithManyParameters() throws {
        let alert = try CAPCorpus.alert("wcatwc-warning.cap")
        #expect(alert.msgType == .update)
        #expect(alert.references == [CAPReference(sender: "PAAQ", identifier: "PAAQ-1-lqw6d6", sent: "2011-09-02T10:55:55-00:00", sentDate: Date(timeIntervalSince1970: 1_314_960_955))])
        #expect(alert.incidents == ["lqw6d6"])
        #expect(alert.infos.first?.parameters.count == 38)
        #expect(alert.infos.first?.description?.hasPrefix("The tsunami Warning continues in effect for the coastal areas of Alaska") == true)
        #expect(alert.highestLevel == .I)
    }

    @Test func noOptionalFieldsHasNoInfo() throws {
        let alert = try CAPCorpus.alert("no_optional_fields.cap")
        #expect(alert.infos.isEmpty)
        #expect(alert.references.isEmpty && alert.codes.isEmpty && alert.note == nil)
        #expect(alert.highestLevel == nil)
        #expect(alert.representativePoint == nil)
    }

    @Test func xeeIsRefusedBeforeAnythingIsParsed() throws {
        let data = try CAPCorpus.data("xee.cap")
        let error = try #require(capError { () throws(CAPError) in try CAPDecoder.decode(data) })
        #expect(error.kind == .forbiddenDTD)
        #expect(error.problems.count == 1)
    }
}
