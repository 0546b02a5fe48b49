import Foundation
import Testing
@testable import WatchfloorCore

/// Every file of ../shared/conformance/cap/ gets the verdict expected.tsv gives it, and a
/// refusal names the reason the file was made to test.
@Suite("CAP conformance corpus")
struct CAPConformanceTests {
    /// What each refusal must mention. A new reject row without an entry here fails, so the
    /// table cannot fall behind the corpus.
    static let refusals: [String: (kind: CAPError.Kind, mentions: [String])] = [
        "invalid.cap": (.invalid, ["required element <scope> is missing"]),
        "noaa_errors.cap": (.invalid, ["<urgency> is empty", "<severity> is empty", "<certainty> is empty"]),
        "canada_errors.cap": (.invalid, ["<references> is empty", "<msgType> Update", "references"]),
        "xee.cap": (.forbiddenDTD, ["DOCTYPE", "DTD"]),
    ]

    @Test func corpusIsPresentAndEveryFileIsListed() throws {
        guard let directory = CAPCorpus.directory else {
            Issue.record("\(CAPCorpus.whereWeLooked)")
            return
        }
        #expect(!CAPCorpus.rows.isEmpty, "expected.tsv in \(directory.path) lists no files")
        let listed = Set(CAPCorpus.rows.map(\.file))
        let onDisk = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".cap") })
        #expect(onDisk.subtracting(listed).isEmpty, "files not in expected.tsv: \(onDisk.subtracting(listed).sorted())")
        #expect(listed.subtracting(onDisk).isEmpty, "listed in expected.tsv but missing: \(listed.subtracting(onDisk).sorted())")
        #expect(listed.count == CAPCorpus.rows.count, "a file is listed twice in expected.tsv")
    }

    @Test(arguments: CAPCorpus.rows)
    func verdict(_ row: CAPCorpus.Row) throws {
        let data = try CAPCorpus.data(row.file)
        let result = Result { () throws(CAPError) in try CAPDecoder.decode(data) }
        switch (row.verdict, result) {
        case (.accept, .success):
            break
        case (.accept, .failure(let error)):
            Issue.record("\(row.file) should be accepted (\(row.why)) but was refused: \(error)")
        case (.reject, .success):
            Issue.record("\(row.file) should be refused (\(row.why)) but was accepted")
        case (.reject, .failure(let error)):
            guard let expected = Self.refusals[row.file] else {
                Issue.record("no expected refusal reason for \(row.file) in CAPConformanceTests.refusals; got: \(error)")
                return
            }
            #expect(error.kind == expected.kind, "\(row.file): \(error)")
            for phrase in expected.mentions {
                #expect(error.description.contains(phrase), "\(row.file)'s refusal should mention \(phrase): \(error)")
            }
            #expect(error.description.hasPrefix("CAP alert: "))
        }
    }

    /// A CloudEvents feed hands the alert over as an already-decoded string, whose XML
    /// declaration may still say ISO-8859-1: it must read the same as the original bytes.
    @Test(arguments: CAPCorpus.rows.filter { $0.verdict == .accept })
    func textFormDecodesTheSame(_ row: CAPCorpus.Row) throws {
        let data = try CAPCorpus.data(row.file)
        let declared = CAPTextEncoding.declaredEncoding(Array(data))?.uppercased() ?? "UTF-8"
        let encoding: String.Encoding = declared == "ISO-8859-1" ? .isoLatin1 : .utf8
        let text = try #require(String(data: data, encoding: encoding))
        #expect(try CAPDecoder.decode(xml: text) == CAPDecoder.decode(data))
    }
}
