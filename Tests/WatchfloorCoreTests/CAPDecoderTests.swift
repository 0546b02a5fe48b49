import Foundation
import Testing
@testable import WatchfloorCore

private func decode(_ xml: String) throws(CAPError) -> CAPAlert {
    try CAPDecoder.decode(Data(xml.utf8))
}

private func refusal(_ xml: String) -> CAPError? {
    capError { () throws(CAPError) in try decode(xml) }
}

@Suite("CAP decoder")
struct CAPDecoderTests {
    // MARK: - A Chinese national-profile alert

    @Test func jinanRainstormRedWarningDecodes() throws {
        let alert = try decode(CAPSamples.rainstormRed)
        #expect(alert.version == .v1_2)
        #expect(alert.identifier == "37010041600000_20260715170000")
        #expect(alert.sender == "37010041600000")
        #expect(alert.sent == Date(timeIntervalSince1970: 1_784_106_000)) // 2026-07-15T09:00:00Z
        #expect(alert.status == "Actual" && alert.scope == "Public" && alert.msgType == .alert)
        let info = try #require(alert.infos.first)
        #expect(info.language == "zh-CN")
        #expect(info.event == "暴雨")
        #expect(info.senderName == "济南市气象台")
        #expect(info.headline == "济南市气象台发布暴雨红色预警信号")
        #expect(info.instruction?.hasPrefix("停止集会") == true)
        #expect(info.parameter("预警信号") == "暴雨红色")
        #expect(info.expires == Date(timeIntervalSince1970: 1_784_149_200)) // 2026-07-16T05:00:00+08:00
        #expect(alert.highestLevel == .I)
        #expect(alert.highestLevel?.colourName == "red")

        let area = try #require(info.areas.first)
        #expect(area.areaDesc == "济南市")
        #expect(area.geocodes == [CAPNamedValue(valueName: "GB/T 2260", value: "370100")])
        #expect(area.polygons.first?.count == 6)
        #expect(area.contains(CAPSamples.quanchengSquare))
        #expect(!area.contains(CAPSamples.qingdao))
        #expect(!area.contains(GeoPoint(lat: 37.00, lon: 117.10))) // just north of the polygon
        #expect(alert.covers(CAPSamples.quanchengSquare))

        let centre = try #require(alert.representativePoint)
        #expect(area.contains(centre))
        #expect(centre.distance(to: GeoPoint(lat: 36.67, lon: 117.07)) < 15_000, "\(centre)")
    }

    @Test func updateAndCancelCarryTheirReferences() throws {
        let original = try decode(CAPSamples.rainstormRed)
        let update = try decode(CAPSamples.alert(
            identifier: CAPSamples.updateID, sent: CAPSamples.updateSent, msgType: "Update",
            references: "\(CAPSamples.sender),\(CAPSamples.alertID),\(CAPSamples.alertSent)",
            infos: [CAPSamples.info(severity: "Severe", urgency: "Expected", headline: "济南市气象台将暴雨红色预警信号降级为橙色")]
        ))
        #expect(update.msgType == .update)
        #expect(update.references == [original.reference])
        #expect(update.references.first?.refers(to: original) == true)
        #expect(update.highestLevel == .II)

        // A Cancel needs no info block; it names both earlier messages.
        let cancel = try decode(CAPSamples.alert(
            identifier: "37010041600000_20260715230000", sent: "2026-07-15T23:00:00+08:00", msgType: "Cancel",
            references: "\(CAPSamples.sender),\(CAPSamples.alertID),\(CAPSamples.alertSent) \(CAPSamples.sender),\(CAPSamples.updateID),\(CAPSamples.updateSent)",
            infos: []
        ))
        #expect(cancel.msgType == .cancel)
        #expect(cancel.infos.isEmpty)
        #expect(cancel.references.map(\.identifier) == [CAPSamples.alertID, CAPSamples.updateID])
        #expect(cancel.references[0].refers(to: original))
        #expect(cancel.references[1].refers(to: update))
        #expect(cancel.highestLevel == nil)
    }

    @Test(arguments: ["Update", "Cancel", "Ack", "Error"])
    func messageTypesThatActOnOthersNeedReferences(_ msgType: String) throws {
        let error = try #require(refusal(CAPSamples.alert(msgType: msgType)))
        #expect(error.kind == .invalid)
        #expect(error.description == "CAP alert: <msgType> \(msgType) must name the alert(s) it \(["Update": "updates", "Cancel": "cancels", "Ack": "acknowledges", "Error": "rejects"][msgType] ?? "") in <references>, but there are none")
    }

    @Test(arguments: [
        "37010041600000,37010041600000_20260715170000",              // no sent
        "37010041600000,,2026-07-15T17:00:00+08:00",                 // empty identifier
        "37010041600000,ID,2026-07-15 17:00:00",                      // not a CAP time
        "a,b,c,2026-07-15T17:00:00+08:00",                            // four parts
    ])
    func malformedReferencesAreRefused(_ references: String) throws {
        let error = try #require(refusal(CAPSamples.alert(msgType: "Update", references: references)))
        #expect(error.description.contains("<references> entry"), "\(error)")
        #expect(error.description.contains("sender,identifier,sent"))
    }

    // MARK: - Required elements and code lists

    @Test func missingScopeIsNamed() throws {
        let xml = CAPSamples.rainstormRed.replacingOccurrences(of: "  <scope>Public</scope>\n", with: "")
        #expect(refusal(xml)?.description == "CAP alert: required element <scope> is missing")
    }

    @Test func emptyUrgencyNamesTheInfoAndTheAllowedValues() throws {
        let error = refusal(CAPSamples.alert(infos: [CAPSamples.info(urgency: "")]))
        #expect(error?.description == "CAP alert: <urgency> is empty in info 1 (CAP requires Immediate, Expected, Future, Past or Unknown)")
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let xml = CAPSamples.alert(scope: "Everyone", infos: [CAPSamples.info(), CAPSamples.info(severity: "Catastrophic")])
            .replacingOccurrences(of: "<sender>\(CAPSamples.sender)</sender>", with: "<sender>济南 气象台</sender>")
        let error = try #require(refusal(xml))
        #expect(error.problems == [
            "<sender> '济南 气象台' must not contain spaces, commas, '<' or '&' (CAP builds references from it)",
            "<scope> 'Everyone' is not a CAP value (CAP requires Public, Restricted or Private)",
            "<severity> 'Catastrophic' in info 2 is not a CAP value (CAP requires Extreme, Severe, Moderate, Minor or Unknown)",
        ])
    }

    @Test func repeatedSingleElementsAreRefused() throws {
        let xml = CAPSamples.rainstormRed.replacingOccurrences(of: "<status>Actual</status>", with: "<status>Actual</status><status>Exercise</status>")
        #expect(refusal(xml)?.description == "CAP alert: <status> appears 2 times; CAP allows one")
    }

    @Test func responseTypeFollowsTheVersion() throws {
        let allClear = CAPSamples.info().replacingOccurrences(of: "<responseType>Shelter</responseType>", with: "<responseType>AllClear</responseType>")
        #expect(throws: Never.self) { try decode(CAPSamples.alert(namespace: CAPSamples.ns12, infos: [allClear])) }
        let error = try #require(refusal(CAPSamples.alert(namespace: CAPSamples.ns11, infos: [allClear])))
        #expect(error.description.contains("AllClear is a CAP 1.2 value but this is a CAP 1.1 alert"), "\(error)")
    }

    @Test func missingCategoryAndEventAreNamed() throws {
        let info = CAPSamples.info()
            .replacingOccurrences(of: "<category>Met</category>", with: "")
            .replacingOccurrences(of: "<event>暴雨</event>", with: "<event> </event>")
        let error = try #require(refusal(CAPSamples.alert(infos: [info])))
        #expect(error.problems == ["required element <category> is missing in info 1", "<event> is empty in info 1"])
    }

    @Test func manyProblemsAreSummarised() throws {
        let infos = Array(repeating: CAPSamples.info(severity: "Bad"), count: 60)
        let error = try #require(refusal(CAPSamples.alert(infos: infos)))
        #expect(error.problems.count + error.omitted == 60)
        #expect(error.description.hasSuffix("; and 54 more problems"))
    }

    // MARK: - Namespaces

    @Test func anyPrefixWorksBecauseNamespacesAreMatchedByURI() throws {
        let prefixed = CAPSamples.rainstormRed
            .replacingOccurrences(of: "<alert xmlns=", with: "<c:alert xmlns:c=")
            .replacingOccurrences(of: "</alert>", with: "</c:alert>")
            .replacingOccurrences(of: #"<(/?)(identifier|sender|sent|status|msgType|scope|info|language|category|event|responseType|urgency|severity|certainty|effective|expires|senderName|headline|description|instruction|parameter|valueName|value|area|areaDesc|polygon|geocode)>"#,
                                  with: "<$1c:$2>", options: .regularExpression)
        #expect(prefixed.contains("<c:areaDesc>"))
        #expect(try decode(prefixed) == decode(CAPSamples.rainstormRed))
    }

    @Test func foreignElementsAreSkippedWithTheirSubtrees() throws {
        let signature = """
          <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>
            <identifier>not-this-one</identifier><status>Bogus</status>
          </ds:SignedInfo></ds:Signature>
          <ext:extra xmlns:ext="urn:example:ext"><info><event>ignored</event></info></ext:extra>
        </alert>
        """
        let xml = CAPSamples.rainstormRed.replacingOccurrences(of: "</alert>", with: signature)
        let alert = try decode(xml)
        #expect(alert.identifier == CAPSamples.alertID)
        #expect(alert.infos.count == 1)
    }

    @Test func elementsOfTheOtherCAPVersionAreForeign() throws {
        let mixed = CAPSamples.rainstormRed.replacingOccurrences(of: "</alert>", with: "<scope xmlns=\"\(CAPSamples.ns11)\">Private</scope></alert>")
        #expect(try decode(mixed).scope == "Public")
    }

    @Test(arguments: [
        ("<alert><identifier>x</identifier></alert>", "has no CAP namespace"),
        ("<alert xmlns=\"http://www.incident.com/cap/1.0\"><identifier>x</identifier></alert>", "CAP 1.0 is not supported"),
        ("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.3\"><identifier>x</identifier></alert>", "not CAP 1.1 or 1.2"),
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry/></feed>", "the root element is <feed>"),
    ])
    func wrongRootsAreNotCAP(_ xml: String, _ mention: String) throws {
        let error = try #require(refusal(xml))
        #expect(error.kind == .notCAP)
        #expect(error.description.contains(mention), "\(error)")
    }

    // MARK: - Times

    @Test func minusZeroOffsetIsUTC() throws {
        let alert = try decode(CAPSamples.alert(sent: "2026-07-15T09:00:00-00:00"))
        #expect(alert.sent == Date(timeIntervalSince1970: 1_784_106_000))
        #expect(alert.sentText == "2026-07-15T09:00:00-00:00")
    }

    @Test(arguments: [
        ("2026-07-15T09:00:00Z", "not Z"),
        ("2026-07-15T09:00:00.5+08:00", "without fractional seconds"),
        ("2026-07-15T09:00:00", "the UTC offset is missing"),
        ("2026-02-30T09:00:00+08:00", "2026-07-15T17:00:00+08:00"),
        ("2026-07-15T24:00:00+08:00", "2026-07-15T17:00:00+08:00"),
        ("15/07/2026 17:00", "2026-07-15T17:00:00+08:00"),
    ])
    func badTimesAreRefusedNamingTheElement(_ sent: String, _ hint: String) throws {
        let error = try #require(refusal(CAPSamples.alert(sent: sent)))
        #expect(error.description.hasPrefix("CAP alert: <sent> '\(sent)' is not a valid date-time"), "\(error)")
        #expect(error.description.contains(hint), "\(error)")
    }

    @Test func badInfoTimeNamesTheInfo() throws {
        let info = CAPSamples.info().replacingOccurrences(of: "<expires>2026-07-16T05:00:00+08:00</expires>", with: "<expires>tomorrow</expires>")
        let error = try #require(refusal(CAPSamples.alert(infos: [CAPSamples.info(), info])))
        #expect(error.description.hasPrefix("CAP alert: <expires> 'tomorrow' in info 2 is not a valid date-time"), "\(error)")
    }

    // MARK: - Geometry text

    @Test(arguments: [
        ("", "is empty"),
        ("36.95,116.95 36.80,117.45 36.95,116.95", "has only 3 points"),
        ("36.95,116.95 36.80,117.45 36.45,117.35 36.42,116.85", "is not closed"),
        ("36.95,116.95 36.80,117.45, 36.45,117.35 36.95,116.95", "where a 'lat,lon' pair belongs"),
        ("116.95,36.95 117.45,36.80 117.35,36.45 116.95,36.95", "outside latitude"),
        ("36.95,1e2 36.80,117.45 36.45,117.35 36.95,1e2", "where a 'lat,lon' pair belongs"),
    ])
    func badPolygonsAreRefused(_ polygon: String, _ mention: String) throws {
        let info = CAPSamples.info().replacingOccurrences(of: CAPSamples.jinanPolygon, with: polygon)
        let error = try #require(refusal(CAPSamples.alert(infos: [info])))
        #expect(error.description.hasPrefix("CAP alert: <polygon> 1 in area 1 of info 1 "), "\(error)")
        #expect(error.description.contains(mention), "\(error)")
    }

    @Test func circlesAreLatLonAndKilometres() throws {
        let circles = "<circle>36.6512,117.1201 10</circle><circle>+36.0671,+120.3826 5.5</circle>"
        let info = CAPSamples.info().replacingOccurrences(of: "<polygon>\(CAPSamples.jinanPolygon)</polygon>", with: circles)
        let area = try #require(try decode(CAPSamples.alert(infos: [info])).infos.first?.areas.first)
        #expect(area.circles == [
            CAPCircle(center: GeoPoint(lat: 36.6512, lon: 117.1201), radiusMetres: 10_000),
            CAPCircle(center: GeoPoint(lat: 36.0671, lon: 120.3826), radiusMetres: 5_500),
        ])
        #expect(area.contains(CAPSamples.qingdao))
        #expect(!area.contains(GeoPoint(lat: 36.45, lon: 117.1201))) // 22 km south of the first

        for bad in ["36.6512,117.1201", "36.6512,117.1201 -3", "36.6512,117.1201 ten", "36.6512 117.1201 10"] {
            let badInfo = CAPSamples.info().replacingOccurrences(of: "<polygon>\(CAPSamples.jinanPolygon)</polygon>", with: "<circle>\(bad)</circle>")
            let error = refusal(CAPSamples.alert(infos: [badInfo]))
            #expect(error?.description.hasPrefix("CAP alert: <circle> 1 in area 1 of info 1 ") == true, "\(bad): \(String(describing: error))")
        }
    }

    // MARK: - Security

    @Test(arguments: [
        #"<!DOCTYPE alert [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>"#,
        #"<!DOCTYPE alert SYSTEM "file:///etc/passwd">"#,
        #"<!doctype alert>"#,
    ])
    func doctypesAreRefusedBeforeParsing(_ doctype: String) throws {
        let xml = CAPSamples.rainstormRed.replacingOccurrences(of: "<alert xmlns", with: "\(doctype)\n<alert xmlns")
        let error = try #require(refusal(xml))
        #expect(error.kind == .forbiddenDTD)
        #expect(error.description == "CAP alert: a DOCTYPE/DTD is not allowed (entities are refused); the message was not parsed and nothing it names was fetched")
    }

    /// Defence in depth: even if the DTD check were bypassed, the parser stage loads nothing
    /// (no DTD loading, external entity policy `.never`), so the first external entity the
    /// document uses (`%remote;`) stays undefined, and that is an error.
    @Test func theParserStageAloneAlsoRefusesXEE() throws {
        let xee = Array(try CAPFixtures.data("taian-xxe.cap"))
        let error = try #require(capError { () throws(CAPError) in
            _ = try CAPXMLTreeBuilder.parse(xee)
            return try decode(CAPSamples.rainstormRed)
        })
        #expect(error.kind == .malformedXML, "\(error)")
    }

    @Test func entityDeclarationsAnywhereAreRefused() throws {
        let xml = CAPSamples.rainstormRed.replacingOccurrences(of: "</alert>", with: "<!ENTITY x \"y\"></alert>")
        #expect(refusal(xml)?.kind == .forbiddenDTD)
    }

    @Test func undefinedEntitiesAreMalformedNotExpanded() throws {
        let xml = CAPSamples.rainstormRed.replacingOccurrences(of: "<senderName>济南市气象台", with: "<senderName>济南市气象台&xxe;")
        let error = try #require(refusal(xml))
        #expect(error.kind == .malformedXML)
        #expect(error.description.contains("entity that is not defined"), "\(error)")
    }

    /// libxml2 warnings arrive as parse errors; the harmless ones must not refuse an alert.
    @Test func harmlessXMLWarningsAreNotRefusals() throws {
        let v11 = CAPSamples.alert(declaration: #"<?xml version="1.1" encoding="UTF-8"?>"#)
        #expect(try decode(v11) == decode(CAPSamples.rainstormRed))
        let odd = CAPSamples.rainstormRed.replacingOccurrences(
            of: "<identifier>", with: #"<x:z xmlns:x="rel/ative" xml:lang="!!" xml:space="odd"/><identifier xmlns:q="not a uri">"#)
        #expect(try decode(odd) == decode(CAPSamples.rainstormRed))
    }

    @Test func cdataAndCharacterReferencesAreText() throws {
        let xml = CAPSamples.rainstormRed.replacingOccurrences(
            of: "<headline>济南市气象台发布暴雨红色预警信号</headline>",
            with: "<headline><![CDATA[暴雨<红色>预警]]> &#x6D4E;&#21335; &amp; &lt;</headline>")
        #expect(try decode(xml).infos.first?.headline == "暴雨<红色>预警 济南 & <")
    }

    // MARK: - Encodings

    @Test func gbkEncodedAlertDecodes() throws {
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        for label in ["GBK", "GB2312", "gb18030"] {
            let xml = CAPSamples.alert(declaration: #"<?xml version="1.0" encoding="\#(label)"?>"#)
            let bytes = try #require(xml.data(using: gb18030))
            #expect(bytes.count < Data(xml.utf8).count) // really two bytes a character, not UTF-8
            #expect(try CAPDecoder.decode(bytes) == decode(CAPSamples.rainstormRed), "\(label)")
        }
    }

    @Test func utf16WithByteOrderMarkDecodes() throws {
        let xml = CAPSamples.alert(declaration: #"<?xml version="1.0" encoding="UTF-16"?>"#)
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let bytes = try #require(("\u{FEFF}" + xml).data(using: encoding))
            #expect(try CAPDecoder.decode(bytes) == decode(CAPSamples.rainstormRed))
        }
    }

    @Test func utf8ByteOrderMarkIsAccepted() throws {
        #expect(try CAPDecoder.decode(Data([0xEF, 0xBB, 0xBF]) + Data(CAPSamples.rainstormRed.utf8)) == decode(CAPSamples.rainstormRed))
    }

    @Test func latin1TextGetsTheRightCharacters() throws {
        let xml = CAPSamples.alert(
            infos: [CAPSamples.info(headline: "Caf\u{E9} \u{FC}ber \u{BD}")],
            declaration: "<?xml version='1.0' encoding='ISO-8859-1'?>")
        // The sample is Chinese; keep what Latin-1 can say, so the bytes are one a character.
        let latin1Text = String(String.UnicodeScalarView(xml.unicodeScalars.map { $0.value < 0x100 ? $0 : "?" }))
        let bytes = try #require(latin1Text.data(using: .isoLatin1))
        #expect(bytes.count == latin1Text.unicodeScalars.count)
        #expect(try CAPDecoder.decode(bytes).infos.first?.headline == "Caf\u{E9} \u{FC}ber \u{BD}")
    }

    @Test func textWithAStaleDeclarationIsReadAsUnicode() throws {
        let xml = CAPSamples.alert(declaration: #"<?xml version="1.0" encoding="ISO-8859-1"?>"#)
        #expect(try CAPDecoder.decode(xml: xml) == decode(CAPSamples.rainstormRed))
    }

    @Test func unsupportedAndMislabelledEncodingsAreRefused() throws {
        let sjis = CAPSamples.alert(declaration: #"<?xml version="1.0" encoding="Shift_JIS"?>"#)
        #expect(refusal(sjis)?.description.contains("character encoding 'Shift_JIS' is not supported") == true)

        // Latin-1 bytes that claim to be UTF-8.
        var bytes = Data(CAPSamples.alert(infos: [CAPSamples.info(headline: "Usulut-n")]).utf8)
        let at = try #require(bytes.range(of: Data("Usulut-n".utf8))).lowerBound + 6
        bytes[at] = 0xE1
        let error = try #require(capError { () throws(CAPError) in try CAPDecoder.decode(bytes) })
        #expect(error.kind == .unreadable)
        #expect(error.description.contains("not valid UTF-8"), "\(error)")
    }

    /// Foundation's XMLParser on Linux force-unwraps the text of comments and processing
    /// instructions: invalid UTF-8 there used to bring the whole program down.
    @Test(arguments: ["<!-- \u{FFFD} -->", "<?pi \u{FFFD}?>"])
    func invalidUTF8InCommentsIsRefusedNotACrash(_ markup: String) throws {
        var bytes = Array(CAPSamples.rainstormRed.replacingOccurrences(of: "<identifier>", with: "\(markup)<identifier>").utf8)
        // Swap the (valid) U+FFFD for a lone 0xFF byte.
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        let at = try #require((0..<(bytes.count - 2)).first { Array(bytes[$0..<($0 + 3)]) == replacement })
        bytes.replaceSubrange(at..<(at + 3), with: [0xFF])
        #expect(capError { () throws(CAPError) in try CAPDecoder.decode(Data(bytes)) }?.kind == .unreadable)
    }

    /// Found by libFuzzer: XMLParser on Linux segfaults on a processing instruction without
    /// data. Such a PI is well-formed XML, so the alert must still decode.
    @Test func emptyProcessingInstructionsDoNotCrash() throws {
        let withPI = CAPSamples.rainstormRed.replacingOccurrences(of: "<identifier>", with: "<?foo?><?x-y.z?><identifier>")
        #expect(try decode(withPI) == decode(CAPSamples.rainstormRed))
        let brokenDeclaration = "<?xml?>\n<alert xmlnse>a>\n</inf>ndalonert>"
        #expect(refusal(brokenDeclaration) != nil)
        #expect(refusal("<?xml?>" + CAPSamples.rainstormRed.dropFirst(39))?.kind == .malformedXML)
    }

    @Test(arguments: [0, 1, 3, 4, 31])
    func tinyInputsAreRefused(_ count: Int) throws {
        let bytes = Data(Array(CAPSamples.rainstormRed.utf8).prefix(count))
        let error = try #require(capError { () throws(CAPError) in try CAPDecoder.decode(bytes) })
        #expect(error.kind == .unreadable)
    }

    @Test func oversizedInputIsRefusedUnread() throws {
        let big = Data(count: CAPDecoder.maximumDocumentBytes + 1)
        #expect(capError { () throws(CAPError) in try CAPDecoder.decode(big) }?.description.contains("MB are refused") == true)
    }

    @Test func nulBytesAreRefused() throws {
        let error = refusal(CAPSamples.rainstormRed.replacingOccurrences(of: "</alert>", with: "\u{0}</alert>"))
        #expect(error?.kind == .unreadable)
        #expect(error?.description.contains("NUL byte") == true)
    }
}
