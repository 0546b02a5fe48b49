import Foundation
import Testing
@testable import WatchfloorCore

/// What the project's own CAP documents (Tests/Fixtures/cap) decode to, checked against the
/// documents themselves.
@Suite("CAP corpus contents")
struct CAPCorpusTests {
    static let jinan = "jinan-rainstorm-1.2.cap"
    static let jinanUpdate = "jinan-rainstorm-update-1.2.cap"
    static let jinanCancel = "jinan-rainstorm-cancel-1.2.cap"

    static let quanchengSquare = GeoPoint(lat: 36.6610, lon: 117.0211)
    static let zhangqiu = GeoPoint(lat: 36.6800, lon: 117.5300)
    static let qingdao = GeoPoint(lat: 36.0671, lon: 120.3826)

    @Test func jinanHasTwoLanguagesPolygonsAndGeocodes() throws {
        let alert = try CAPFixtures.alert(Self.jinan)
        #expect(alert.version == .v1_2)
        #expect(alert.msgType == .alert)
        #expect(alert.identifier == "37010041600000_20260802143000")
        #expect(alert.sent == Date(timeIntervalSince1970: 1_785_652_200)) // 2026-08-02T14:30:00+08:00
        #expect(alert.codes == ["GB/T 35965.1-2018"])
        #expect(alert.infos.map(\.language) == ["zh-CN", "en-US"])
        #expect(alert.infos.map(\.headline) == ["济南市气象台发布暴雨橙色预警信号", "Jinan Meteorological Observatory issues an orange rainstorm warning"])

        for info in alert.infos {
            #expect(info.categories == ["Met"])
            #expect(info.responseTypes == ["Shelter", "Prepare"])
            #expect(info.eventCodes == [CAPNamedValue(valueName: "GB/T 35965.1", value: "11B03")])
            #expect(info.expires == Date(timeIntervalSince1970: 1_785_695_400)) // 2026-08-03T02:30:00+08:00
            let area = try #require(info.areas.first)
            #expect(info.areas.count == 1)
            #expect(area.polygons.map(\.count) == [5, 5])
            #expect(area.polygons[0].first == GeoPoint(lat: 36.78, lon: 116.80)) // latitude first
            #expect(area.geocodes.map(\.value) == ["370102", "370103", "370104", "370105", "370112", "370114"])
            #expect(area.geocodes.allSatisfy { $0.valueName == "GB/T 2260" })
        }
        #expect(alert.infos[0].parameter("预警信号") == "暴雨橙色")
        #expect(alert.highestLevel == .II)

        // The first polygon covers the city centre, the second Zhangqiu; neither reaches Qingdao.
        #expect(alert.covers(Self.quanchengSquare) && alert.covers(Self.zhangqiu))
        #expect(!alert.covers(Self.qingdao))
        let p = try #require(alert.representativePoint)
        #expect((36.50...36.80).contains(p.lat) && (116.80...117.30).contains(p.lon), "\(p)")
    }

    @Test func updateAndCancelNameTheAlertsTheyActOn() throws {
        let original = try CAPFixtures.alert(Self.jinan)
        let update = try CAPFixtures.alert(Self.jinanUpdate)
        #expect(update.msgType == .update)
        #expect(update.references == [CAPReference(
            sender: "37010041600000", identifier: "37010041600000_20260802143000",
            sent: "2026-08-02T14:30:00+08:00", sentDate: Date(timeIntervalSince1970: 1_785_652_200))])
        #expect(update.references[0].refers(to: original))
        #expect(update.incidents == ["20260802-JN-RAIN"])
        #expect(update.note == "暴雨橙色预警信号升级为红色")
        #expect(update.highestLevel == .I) // escalated from orange to red

        // The Cancel's two entries are split across a line break: whitespace separates them.
        let cancel = try CAPFixtures.alert(Self.jinanCancel)
        #expect(cancel.msgType == .cancel)
        #expect(cancel.sent == Date(timeIntervalSince1970: 1_785_675_600)) // 2026-08-02T21:00:00+08:00
        #expect(cancel.references.count == 2)
        #expect(cancel.references[0].refers(to: original))
        #expect(cancel.references[1].refers(to: update))
        #expect(cancel.references[1] == update.reference)
        #expect(cancel.infos.first?.responseTypes == ["AllClear"])
        #expect(cancel.highestLevel == .IV)
        // Its area is a geocode only, so it has no point on the map.
        #expect(cancel.infos.first?.areas.first?.geocodes == [CAPNamedValue(valueName: "GB/T 2260", value: "370100")])
        #expect(cancel.representativePoint == nil)
    }

    @Test func qingdaoPrefixedNamespaceWithACircleAndAPolygon() throws {
        let alert = try CAPFixtures.alert("qingdao-typhoon-prefixed-1.2.cap")
        #expect(alert.version == .v1_2)
        #expect(alert.sender == "37020041600000")
        let info = try #require(alert.infos.first)
        #expect(alert.infos.count == 1)
        #expect(info.categories == ["Met", "Safety"])
        #expect(info.responseTypes == ["Prepare", "Avoid"])
        #expect(info.event == "台风")
        #expect(info.onset == Date(timeIntervalSince1970: 1_789_120_800)) // 2026-09-11T18:00:00+08:00
        #expect(info.areas.map(\.areaDesc) == ["青岛市沿海及以东海面", "胶州湾"])

        let sea = info.areas[0]
        #expect(sea.polygons.isEmpty)
        let circle = try #require(sea.circles.first)
        #expect(circle.center == GeoPoint(lat: 35.10, lon: 121.30))
        #expect(circle.radiusMetres == 150_000) // CAP writes kilometres
        #expect(sea.contains(GeoPoint(lat: 35.10, lon: 122.30))) // about 91 km east
        #expect(!sea.contains(GeoPoint(lat: 35.10, lon: 123.20))) // about 173 km east
        #expect(sea.geocodes == [CAPNamedValue(valueName: "GB/T 2260", value: "370200")])

        let bay = info.areas[1]
        #expect(bay.geocodes.map(\.value) == ["370211", "370281"])
        #expect(bay.polygons.first?.first == GeoPoint(lat: 36.20, lon: 120.20))
        // A polygon anywhere wins over a circle that comes first.
        let p = try #require(alert.representativePoint)
        #expect(p == bay.representativePoint)
        #expect((36.00...36.22).contains(p.lat) && (120.20...120.38).contains(p.lon), "\(p)")
        #expect(alert.highestLevel == .II)
    }

    @Test func wellingtonIsCAP11WithACircleAndTheDefaultLanguage() throws {
        let alert = try CAPFixtures.alert("wellington-earthquake-1.1.cap")
        #expect(alert.version == .v1_1)
        #expect(alert.sentText == "2026-08-05T03:41:27+12:00")
        #expect(alert.sent == Date(timeIntervalSince1970: 1_785_858_087))
        let info = try #require(alert.infos.first)
        #expect(info.language == "en-US") // CAP's default when <language> is absent
        #expect(info.responseTypes == ["Assess"])
        #expect(info.onset == Date(timeIntervalSince1970: 1_785_857_932)) // 2026-08-05T03:38:52+12:00
        #expect(info.parameter("Magnitude") == "5.4")
        #expect(info.parameters.count == 3)
        let circle = try #require(info.areas.first?.circles.first)
        #expect(circle.center == GeoPoint(lat: -41.42, lon: 174.62))
        #expect(circle.radiusMetres == 60_000)
        #expect(alert.representativePoint == circle.center)
        #expect(alert.covers(GeoPoint(lat: -41.29, lon: 174.78))) // Wellington, about 20 km away
        #expect(!alert.covers(Self.quanchengSquare))
        #expect(alert.highestLevel == .III)
    }

    @Test func iso8859TextIsDecodedNotMojibake() throws {
        let data = try CAPFixtures.data("evora-heat-iso8859-1.cap")
        // The file really is Latin-1: É is the single byte 0xC9, not UTF-8's C3 89.
        #expect(String(data: data, encoding: .utf8) == nil)
        #expect(Array(data).contains(0xC9))

        let alert = try CAPDecoder.decode(data)
        let info = try #require(alert.infos.first)
        #expect(info.language == "pt-PT")
        #expect(info.senderName == "Instituto Portugu\u{EA}s do Mar e da Atmosfera")
        #expect(info.headline == "Aviso vermelho de tempo quente para \u{C9}vora, Beja e Set\u{FA}bal")
        #expect(info.description?.contains("poder\u{E1} atingir 45 \u{B0}C no Alentejo") == true)
        #expect(info.instruction?.hasSuffix("informa\u{E7}\u{E3}o da Prote\u{E7}\u{E3}o Civil.") == true)
        #expect(info.areas.map(\.areaDesc) == ["Distrito de \u{C9}vora", "Distritos de Beja e Set\u{FA}bal"])
        let texts = [info.senderName, info.headline, info.description, info.instruction].compactMap { $0 } + info.areas.map(\.areaDesc)
        #expect(!texts.contains { $0.contains("\u{C3}") || $0.contains("\u{FFFD}") }, "mojibake: \(texts)")

        #expect(alert.sent == Date(timeIntervalSince1970: 1_783_588_500)) // 2026-07-09T10:15:00+01:00
        #expect(info.onset == Date(timeIntervalSince1970: 1_783_681_200)) // 2026-07-10T12:00:00+01:00
        #expect(alert.highestLevel == .I)
        // Placed in the Alentejo, far outside Shandong.
        let p = try #require(alert.representativePoint)
        #expect((38.20...38.95).contains(p.lat) && (-8.60 ... -7.20).contains(p.lon), "\(p)")
    }

    /// The signature is skipped with its whole subtree: its <Reference> and <X509Data> never
    /// become CAP elements, and neither does the CAP-namespace <note> its <Object> carries.
    /// Cutting the signature out must leave exactly the same alert.
    @Test(arguments: ["weifang-fog-signed-1.2.cap", "yantai-storm-surge-signed-1.1.cap"])
    func signedAlertsReadAsIfUnsigned(_ file: String) throws {
        let text = try #require(String(data: try CAPFixtures.data(file), encoding: .utf8))
        let start = try #require(text.range(of: "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\""))
        let end = try #require(text.range(of: "</Signature>"))
        #expect(text[start.lowerBound..<end.upperBound].contains("<X509Data>"))
        var unsigned = text
        unsigned.removeSubrange(start.lowerBound..<end.upperBound)
        #expect(try CAPDecoder.decode(xml: text) == CAPDecoder.decode(xml: unsigned))
    }

    @Test func weifangSignedFogWarning() throws {
        let alert = try CAPFixtures.alert("weifang-fog-signed-1.2.cap")
        #expect(alert.version == .v1_2)
        #expect(alert.note == nil) // the <note> inside the signature is not the alert's
        let info = try #require(alert.infos.first)
        #expect(alert.infos.count == 1)
        #expect(info.categories == ["Met", "Transport"])
        #expect(info.areas.count == 1)
        #expect(info.areas[0].geocodes.map(\.value) == ["370702", "370705", "370703", "370786"])
        #expect(info.parameters == [CAPNamedValue(valueName: "预警信号", value: "大雾黄色")])
        #expect(alert.highestLevel == .III)
    }

    @Test func yantaiSignedIsCAP11InTwoLanguages() throws {
        let alert = try CAPFixtures.alert("yantai-storm-surge-signed-1.1.cap")
        #expect(alert.version == .v1_1)
        #expect(alert.incidents == ["20261008-YT-SURGE"])
        #expect(alert.infos.map(\.language) == ["zh-CN", "en-US"])
        #expect(alert.infos.map(\.event) == ["风暴潮", "Storm surge"])
        for info in alert.infos {
            #expect(info.responseTypes == ["Evacuate"])
            #expect(info.onset == Date(timeIntervalSince1970: 1_791_482_400)) // 2026-10-09T02:00:00+08:00
            #expect(info.areas.count == 1)
            #expect(info.areas[0].polygons.count == 1)
            #expect(info.areas[0].geocodes.map(\.value) == ["370602", "370613", "370612"])
        }
        #expect(alert.highestLevel == .III)
        let p = try #require(alert.representativePoint)
        #expect((37.40...37.62).contains(p.lat) && (121.30...121.75).contains(p.lon), "Yantai coast: \(p)")
    }

    @Test func heartbeatHasOnlyTheRequiredElementsAndNoInfo() throws {
        let alert = try CAPFixtures.alert("zibo-heartbeat-1.1.cap")
        #expect(alert.version == .v1_1)
        #expect(alert.status == "System")
        #expect(alert.sent == Date(timeIntervalSince1970: 1_780_243_200)) // 2026-06-01T00:00:00+08:00
        #expect(alert.infos.isEmpty)
        #expect(alert.references.isEmpty && alert.incidents.isEmpty && alert.codes.isEmpty)
        #expect(alert.source == nil && alert.note == nil && alert.restriction == nil && alert.addresses == nil)
        #expect(alert.highestLevel == nil)
        #expect(alert.representativePoint == nil)
    }

    @Test func floodWarningKeepsItsLongDescriptionAndEveryParameter() throws {
        let alert = try CAPFixtures.alert("binzhou-yellow-river-flood-1.2.cap")
        let info = try #require(alert.infos.first)
        #expect(info.categories == ["Met", "Infra"])
        #expect(info.audience == "黄河滩区及沿黄群众")
        let description = try #require(info.description)
        #expect(description.count > 500)
        #expect(description.hasPrefix("受黄河中游强降雨影响，黄河干流出现编号洪水。"))
        #expect(description.hasSuffix("下次更新时间为8月14日18时。"))
        #expect(description.components(separatedBy: "\n\n").count == 4) // paragraphs kept
        #expect(info.parameters.count == 28)
        #expect(info.parameters.first == CAPNamedValue(valueName: "预警级别", value: "黄河洪水橙色预警"))
        #expect(info.parameter("泺口站洪峰水位") == "31.85米")
        #expect(info.parameter("黄河防汛应急响应") == "Ⅲ级")
        #expect(info.onset == Date(timeIntervalSince1970: 1_786_752_000)) // 2026-08-15T08:00:00+08:00
        #expect(info.areas.map { $0.geocodes.map(\.value) } == [["371621"], ["371602"], ["371681"]])
        #expect(info.areas.allSatisfy { $0.polygons.count == 1 })
        #expect(alert.highestLevel == .II)
        // The first area's polygon places it: Huimin's Guiren floodplain.
        let p = try #require(alert.representativePoint)
        #expect(p == info.areas[0].representativePoint)
        #expect((37.25...37.36).contains(p.lat) && (117.38...117.58).contains(p.lon), "\(p)")
    }

    /// An external entity (file:///etc/passwd) and a billion-laughs expansion: both are
    /// refused for their DTD before any parser sees them, with one problem that says so.
    @Test(arguments: ["taian-xxe.cap", "linyi-entity-expansion.cap"])
    func entityAttacksAreRefusedBeforeAnythingIsParsed(_ file: String) throws {
        let data = try CAPFixtures.data(file)
        let error = try #require(capError { () throws(CAPError) in try CAPDecoder.decode(data) })
        #expect(error.kind == .forbiddenDTD)
        #expect(error.problems.count == 1)
        #expect(error.description.contains("the message was not parsed"), "\(error)")
    }
}
