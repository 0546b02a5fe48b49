import Foundation
import Testing
@testable import WatchfloorCore

/// Every file of one CAP corpus gets the verdict its expected.tsv gives it, and a refusal
/// names the reason the file was made to test. The corpus is our own (Tests/Fixtures/cap)
/// unless CAP_CORPUS names another: `make conformance` runs this suite over the shared
/// conformance corpus that way.
@Suite("CAP conformance corpus")
struct CAPConformanceTests {
    typealias Refusal = (kind: CAPError.Kind, mentions: [String])

    /// What each of our own reject documents must be refused for. Every own reject row needs
    /// an entry and every entry a row, so the table cannot fall behind the fixtures.
    static let ownRefusals: [String: Refusal] = [
        "heze-missing-scope.cap": (.invalid, ["required element <scope> is missing"]),
        "dezhou-empty-codes-1.1.cap": (.invalid, ["<urgency> is empty in info 1", "<severity> is empty in info 1", "<certainty> is empty in info 1"]),
        "liaocheng-cancel-empty-references.cap": (.invalid, ["<references> is empty", "<msgType> Cancel must name the alert(s) it cancels"]),
        "taian-xxe.cap": (.forbiddenDTD, ["DOCTYPE", "DTD", "nothing it names was fetched"]),
        "linyi-entity-expansion.cap": (.forbiddenDTD, ["DOCTYPE", "entities are refused", "was not parsed"]),
    ]

    /// The reject files of the shared conformance corpus (`make conformance`).
    static let sharedRefusals: [String: Refusal] = [
        "invalid.cap": (.invalid, ["required element <scope> is missing"]),
        "noaa_errors.cap": (.invalid, ["<urgency> is empty", "<severity> is empty", "<certainty> is empty"]),
        "canada_errors.cap": (.invalid, ["<references> is empty", "<msgType> Update", "references"]),
        "xee.cap": (.forbiddenDTD, ["DOCTYPE", "DTD"]),
    ]

    /// Not parameterised on purpose: over a missing or empty corpus the parameterised tests
    /// below run no case at all, and this is what fails instead.
    @Test func corpusIsPresentAndEveryFileIsListed() throws {
        let folder = CAPCorpus.folder
        if let unusable = folder.unusable {
            // Thrown rather than recorded, so the report is the one line that names the folder.
            throw CAPDocumentFolder.Unusable(description: "\(unusable) (\(CAPCorpus.origin))")
        }
        let listed = Set(folder.rows.map(\.file))
        let onDisk = Set(try FileManager.default.contentsOfDirectory(atPath: folder.directory.path).filter { $0.hasSuffix(".cap") })
        #expect(onDisk.subtracting(listed).isEmpty, "files not in expected.tsv: \(onDisk.subtracting(listed).sorted())")
        #expect(listed.subtracting(onDisk).isEmpty, "listed in expected.tsv but missing: \(listed.subtracting(onDisk).sorted())")
        #expect(listed.count == folder.rows.count, "a file is listed twice in expected.tsv")
        if CAPCorpus.isOwn {
            let rejects = Set(folder.rows.filter { $0.verdict == .reject }.map(\.file))
            let stale = Set(Self.ownRefusals.keys).subtracting(rejects)
            #expect(stale.isEmpty, "ownRefusals names files that are not reject rows of expected.tsv: \(stale.sorted())")
        }
    }

    @Test(arguments: CAPCorpus.folder.rows)
    func verdict(_ row: CAPDocumentFolder.Row) throws {
        let data = try CAPCorpus.folder.data(row.file)
        let result = Result { () throws(CAPError) in try CAPDecoder.decode(data) }
        switch (row.verdict, result) {
        case (.accept, .success):
            break
        case (.accept, .failure(let error)):
            Issue.record("\(row.file) should be accepted (\(row.why)) but was refused: \(error)")
        case (.reject, .success):
            Issue.record("\(row.file) should be refused (\(row.why)) but was accepted")
        case (.reject, .failure(let error)):
            #expect(error.description.hasPrefix("CAP alert: "), "\(row.file): \(error)")
            let table = CAPCorpus.isOwn ? Self.ownRefusals : Self.ownRefusals.merging(Self.sharedRefusals) { own, _ in own }
            guard let expected = table[row.file] else {
                // Our own documents must each say what they test; another corpus's reject rows
                // are held only to being refused in words a duty officer can read.
                if CAPCorpus.isOwn {
                    Issue.record("no expected refusal reason for \(row.file) in CAPConformanceTests.ownRefusals; got: \(error)")
                }
                return
            }
            #expect(error.kind == expected.kind, "\(row.file): \(error)")
            for phrase in expected.mentions {
                #expect(error.description.contains(phrase), "\(row.file)'s refusal should mention \(phrase): \(error)")
            }
        }
    }

    /// A CloudEvents feed hands the alert over as an already-decoded string, whose XML
    /// declaration may still say ISO-8859-1: it must read the same as the original bytes.
    @Test(arguments: CAPCorpus.folder.rows.filter { $0.verdict == .accept })
    func textFormDecodesTheSame(_ row: CAPDocumentFolder.Row) throws {
        let data = try CAPCorpus.folder.data(row.file)
        let declared = CAPTextEncoding.declaredEncoding(Array(data))?.uppercased() ?? "UTF-8"
        let encoding: String.Encoding = declared == "ISO-8859-1" ? .isoLatin1 : .utf8
        let text = try #require(String(data: data, encoding: encoding))
        #expect(try CAPDecoder.decode(xml: text) == CAPDecoder.decode(data))
    }
}
