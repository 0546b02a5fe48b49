import Foundation
import Testing
@testable import WatchfloorCore

/// A folder of CAP documents and the `expected.tsv` that gives each its verdict: a header
/// line, then `file<TAB>verdict<TAB>why`, verdict accept or reject.
struct CAPDocumentFolder: Sendable {
    struct Row: Sendable, CustomTestStringConvertible {
        enum Verdict: String, Sendable { case accept, reject }
        var file: String
        var verdict: Verdict
        var why: String
        var testDescription: String { "\(file) (\(verdict.rawValue))" }
    }

    struct Unusable: Error, CustomStringConvertible {
        var description: String
    }

    let directory: URL
    let rows: [Row]
    /// Why the folder cannot be tested against (missing, no expected.tsv, lists no files), as
    /// one line naming it; nil when it can.
    let unusable: String?

    init(_ directory: URL) {
        self.directory = directory.standardizedFileURL
        let path = self.directory.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            (rows, unusable) = ([], "CAP corpus folder \(path) does not exist")
            return
        }
        guard isDirectory.boolValue else {
            (rows, unusable) = ([], "CAP corpus folder \(path) is a file, not a folder")
            return
        }
        guard let text = try? String(contentsOf: self.directory.appendingPathComponent("expected.tsv"), encoding: .utf8) else {
            (rows, unusable) = ([], "CAP corpus folder \(path) has no readable expected.tsv")
            return
        }
        rows = Self.parse(text)
        unusable = rows.isEmpty ? "CAP corpus folder \(path): expected.tsv lists no files" : nil
    }

    private static func parse(_ text: String) -> [Row] {
        text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else { return nil }
            // An unknown verdict becomes a row that fails loudly in the verdict test.
            let verdict = Row.Verdict(rawValue: fields[1].trimmingCharacters(in: .whitespaces)) ?? .accept
            return Row(file: fields[0], verdict: verdict, why: fields.count > 2 ? fields[2] : "")
        }
    }

    func data(_ file: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(file))
    }

    func alert(_ file: String) throws -> CAPAlert {
        try CAPDecoder.decode(data(file))
    }
}

/// The project's own CAP test documents, Tests/Fixtures/cap/ in this package: outside every
/// test target's folder, so SwiftPM does not ask what to do with them. Everything `make test`
/// needs is in the checkout.
enum CAPFixtures {
    // Tests/WatchfloorCoreTests/<this file> -> package root -> Tests/Fixtures/cap.
    static let folder = CAPDocumentFolder(
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/Fixtures/cap"))

    static var rows: [CAPDocumentFolder.Row] { folder.rows }

    static func data(_ file: String) throws -> Data { try folder.data(file) }

    static func alert(_ file: String) throws -> CAPAlert { try folder.alert(file) }
}

/// The folder the verdict suite (CAPConformanceTests) runs over: the one CAP_CORPUS names, so
/// that `make conformance CAP_CORPUS=DIR` can run it over another corpus, else our own.
enum CAPCorpus {
    static let variable = "CAP_CORPUS"

    private static let given = ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }

    static let folder: CAPDocumentFolder = {
        // Set explicitly: look only there, so a wrong setting fails instead of falling back.
        if let given { return CAPDocumentFolder(URL(fileURLWithPath: given)) }
        return CAPFixtures.folder
    }()

    /// Where the folder came from, for a failure message.
    static var origin: String {
        given.map { "named by \(variable)=\($0)" } ?? "the project's own fixtures; \(variable) is not set"
    }

    /// Whether the chosen folder is our own, whose refusals must each be spelled out.
    static var isOwn: Bool { folder.directory == CAPFixtures.folder.directory }
}

/// The error a decode throws, or nil when it succeeds.
func capError(_ decode: () throws(CAPError) -> CAPAlert) -> CAPError? {
    do {
        _ = try decode()
        return nil
    } catch {
        return error
    }
}

/// Hand-written alerts in the shape of China's national profile (GB/T 35965.1): admin-code
/// identifiers, zh-CN text, GB/T 2260 geocodes.
enum CAPSamples {
    static let ns12 = "urn:oasis:names:tc:emergency:cap:1.2"
    static let ns11 = "urn:oasis:names:tc:emergency:cap:1.1"
    static let sender = "37010041600000"
    static let alertID = "37010041600000_20260715170000"
    static let alertSent = "2026-07-15T17:00:00+08:00"
    static let updateID = "37010041600000_20260715190000"
    static let updateSent = "2026-07-15T19:00:00+08:00"

    /// Around Jinan's urban districts (lat,lon; closed).
    static let jinanPolygon = "36.95,116.95 36.80,117.45 36.45,117.35 36.42,116.85 36.70,116.70 36.95,116.95"
    static let quanchengSquare = GeoPoint(lat: 36.6610, lon: 117.0211)
    static let qingdao = GeoPoint(lat: 36.0671, lon: 120.3826)

    static func info(severity: String = "Extreme", urgency: String = "Immediate", headline: String = "济南市气象台发布暴雨红色预警信号", extra: String = "") -> String {
        """
          <info>
            <language>zh-CN</language>
            <category>Met</category>
            <event>暴雨</event>
            <responseType>Shelter</responseType>
            <urgency>\(urgency)</urgency>
            <severity>\(severity)</severity>
            <certainty>Likely</certainty>
            <effective>2026-07-15T17:00:00+08:00</effective>
            <expires>2026-07-16T05:00:00+08:00</expires>
            <senderName>济南市气象台</senderName>
            <headline>\(headline)</headline>
            <description>济南市气象台2026年7月15日17时发布暴雨红色预警信号：预计未来3小时内，市区及长清、章丘将出现100毫米以上降水，局地伴有雷电、短时强降水。</description>
            <instruction>停止集会、停课、停业（除特殊行业外）；做好山洪、城市内涝等灾害的防御工作。</instruction>
            <parameter>
              <valueName>预警信号</valueName>
              <value>暴雨红色</value>
            </parameter>\(extra)
            <area>
              <areaDesc>济南市</areaDesc>
              <polygon>\(jinanPolygon)</polygon>
              <geocode>
                <valueName>GB/T 2260</valueName>
                <value>370100</value>
              </geocode>
            </area>
          </info>
        """
    }

    static func alert(
        namespace: String = ns12, identifier: String = alertID, sent: String = alertSent,
        msgType: String = "Alert", scope: String = "Public", references: String? = nil,
        infos: [String]? = nil, declaration: String = #"<?xml version="1.0" encoding="UTF-8"?>"#
    ) -> String {
        let refs = references.map { "\n  <references>\($0)</references>" } ?? ""
        return """
        \(declaration)
        <alert xmlns="\(namespace)">
          <identifier>\(identifier)</identifier>
          <sender>\(sender)</sender>
          <sent>\(sent)</sent>
          <status>Actual</status>
          <msgType>\(msgType)</msgType>
          <scope>\(scope)</scope>\(refs)
        \((infos ?? [info()]).joined(separator: "\n"))
        </alert>
        """
    }

    static var rainstormRed: String { alert() }
}
