import Foundation
import Testing
@testable import WatchfloorCore

/// The decoder will be fuzzed; these are the cheap, deterministic cousins of that: cut-off
/// documents, random bytes and mutated real alerts must be refused with a CAPError (or, for a
/// harmless mutation, decoded), never trap. A crash here takes the test process down.
@Suite("CAP decoder robustness")
struct CAPRobustnessTests {
    static let step = 7

    /// The tests over the fixtures are parameterised, and over an empty list they would run
    /// no case and pass: this one fails instead.
    @Test func fixturesAreThere() {
        #expect(CAPFixtures.folder.unusable == nil, "\(CAPFixtures.folder.unusable ?? "")")
    }

    @Test(arguments: CAPFixtures.rows)
    func everyTruncationIsRefused(_ row: CAPDocumentFolder.Row) throws {
        let bytes = Array(try CAPFixtures.data(row.file))
        var refused = 0
        for length in stride(from: 0, to: bytes.count, by: Self.step) {
            let prefix = Data(bytes[0..<length])
            switch Result(catching: { () throws(CAPError) in try CAPDecoder.decode(prefix) }) {
            case .failure:
                refused += 1
            case .success:
                // Only cutting trailing whitespace off an accepted file leaves a whole alert.
                let rest = bytes[length...]
                #expect(row.verdict == .accept && rest.allSatisfy(CAPTextEncoding.isSpace),
                        "\(row.file) cut to \(length) of \(bytes.count) bytes was accepted")
            }
        }
        #expect(refused > 0)
    }

    @Test func randomBytesAreRefused() {
        var rng = SeededRandom(seed: 0x5EED_CA9_2026)
        let heads = [
            "",
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<?xml version="1.0" encoding="ISO-8859-1"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">"#,
            #"<?xml version="1.0" encoding="GBK"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.1"><info>"#,
            #"<?xml version="1.0" encoding="windows-1252"?><cap:alert xmlns:cap="urn:oasis:names:tc:emergency:cap:1.2"><cap:identifier>"#,
            "\u{FEFF}<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">",
        ]
        for round in 0..<3_000 {
            var bytes = Array(heads[round % heads.count].utf8)
            if round % 7 == 0 { bytes.insert(contentsOf: round % 2 == 0 ? [0xFF, 0xFE] : [0xFE, 0xFF], at: 0) }
            let count = Int(rng.next() % 700)
            for _ in 0..<count { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
            let data = Data(bytes)
            #expect(capError { () throws(CAPError) in try CAPDecoder.decode(data) } != nil, "round \(round)")
            if let text = String(data: data, encoding: .isoLatin1) {
                #expect(capError { () throws(CAPError) in try CAPDecoder.decode(xml: text) } != nil, "round \(round) as text")
            }
        }
    }

    /// Real alerts with bytes flipped, cut out, repeated, or markup spliced in: the shapes a
    /// fuzzer finds first.
    @Test(arguments: CAPFixtures.rows)
    func mutatedAlertsNeverTrap(_ row: CAPDocumentFolder.Row) throws {
        let original = Array(try CAPFixtures.data(row.file))
        var rng = SeededRandom(seed: UInt64(truncatingIfNeeded: row.file.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }))
        let splices = ["<info>", "</info>", "<area>", "</area>", "<polygon>", "<circle>1,2 3</circle>", "<![CDATA[", "]]>",
                       "<!--", "-->", "&", "&amp;", "&#0;", "&#x110000;", "<?pi ", "?>", "<", ">", "\"", "\u{0}",
                       "<references>a,b,c</references>", "<msgType>Cancel</msgType>", "<sent>9999-12-31T23:59:59+14:00</sent>",
                       "<polygon>90,180 -90,-180 90,180 90,180</polygon>", "<x:y xmlns:x=\"urn:x\">", "</x:y>", "\u{FFFF}", "\u{10FFFF}"]
            .map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE1]]
        for _ in 0..<150 {
            var bytes = original
            for _ in 0...(rng.next() % 6) {
                guard !bytes.isEmpty else { break }
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 4 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 64)))
                case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int(rng.next() % 64))], at: at)
                default: bytes.insert(contentsOf: splices[Int(rng.next() % UInt64(splices.count))], at: at)
                }
            }
            let data = Data(bytes)
            if let alert = try? CAPDecoder.decode(data) {
                // Whatever got through must still be usable.
                #expect(alert.representativePoint?.isValid ?? true)
                #expect(alert.infos.allSatisfy { $0.areas.allSatisfy { $0.polygons.allSatisfy { $0.count >= 4 } } })
            }
        }
    }

    @Test func deepNestingAndHugeCountsAreHandled() {
        let open = #"<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">"#
        let deep = open + String(repeating: "<info>", count: 5_000) + String(repeating: "</info>", count: 5_000) + "</alert>"
        #expect(capError { () throws(CAPError) in try CAPDecoder.decode(xml: deep) } != nil)

        let manyInfos = open + String(repeating: "<info><area><polygon>x</polygon></area></info>", count: 20_000) + "</alert>"
        let error = capError { () throws(CAPError) in try CAPDecoder.decode(xml: manyInfos) }
        #expect((error?.problems.count ?? 0) <= 40)

        let longNumber = String(repeating: "9", count: 5_000)
        let huge = CAPSamples.alert(infos: [CAPSamples.info().replacingOccurrences(of: CAPSamples.jinanPolygon, with: "\(longNumber),1 2,3 4,5 \(longNumber),1")])
        #expect(capError { () throws(CAPError) in try CAPDecoder.decode(xml: huge) } != nil)

        let bigYear = CAPSamples.alert(sent: "99999999999999999999-01-01T00:00:00+08:00")
        #expect(capError { () throws(CAPError) in try CAPDecoder.decode(xml: bigYear) } != nil)
    }
}
