import Foundation
import Testing
@testable import WatchfloorCore

/// The shared CAP conformance corpus: `../shared/conformance/cap/` beside the package root,
/// or the folder named by WATCHFLOOR_CONFORMANCE_DIR (the conformance root or its cap folder).
/// Tests that need it FAIL when it is absent; they never skip.
enum CAPCorpus {
    struct Row: Sendable, CustomTestStringConvertible {
        enum Verdict: String, Sendable { case accept, reject }
        var file: String
        var verdict: Verdict
        var why: String
        var testDescription: String { "\(file) (\(verdict.rawValue))" }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static let searched: [URL] = {
        if let env = ProcessInfo.processInfo.environment["WATCHFLOOR_CONFORMANCE_DIR"], !env.isEmpty {
            // Set explicitly: look only there, so a wrong setting fails instead of being ignored.
            let given = URL(fileURLWithPath: env)
            return [given.appendingPathComponent("cap"), given]
        }
        // Tests/WatchfloorCoreTests/<this file> -> package root -> its sibling shared/.
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return [packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/cap")]
    }()

    static let directory: URL? = searched.first {
        FileManager.default.fileExists(atPath: $0.appendingPathComponent("expected.tsv").path)
    }

    static var whereWeLooked: String {
        "CAP conformance folder not found: looked for expected.tsv in "
            + searched.map { $0.standardizedFileURL.path }.joined(separator: " and ")
            + " (set WATCHFLOOR_CONFORMANCE_DIR, or put shared/ beside the package)"
    }

    static func folder() throws -> URL {
        guard let directory else { throw Missing(description: whereWeLooked) }
        return directory
    }

    /// expected.tsv: a header line, then `file<TAB>verdict<TAB>why`.
    static let rows: [Row] = {
        guard let directory,
              let text = try? String(contentsOf: directory.appendingPathComponent("expected.tsv"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else { return nil }
            // An unknown verdict becomes a row that fails loudly in the verdict test.
            let verdict = Row.Verdict(rawValue: fields[1].trimmingCharacters(in: .whitespaces)) ?? .accept
            return Row(file: fields[0], verdict: verdict, why: fields.count > 2 ? fields[2] : "")
        }
    }()

    static func data(_ file: String) throws -> Data {
        try Data(contentsOf: folder().appendingPathComponent(file))
    }

    static func alert(_ file: String) throws -> CAPAlert {
        try CAPDecoder.decode(data(file))
    }
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
