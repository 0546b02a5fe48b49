import Foundation

/// Decodes CAP 1.2 and 1.1 alert messages (OASIS Common Alerting Protocol).
///
/// Pure: the caller passes the bytes; nothing is read from files or the network, and DTDs
/// (the way XML would reach out to either) are refused before parsing. Every failure is a
/// `CAPError` whose description a duty officer can act on; no input traps.
public enum CAPDecoder {
    /// Larger documents are refused unread.
    public static var maximumDocumentBytes: Int { CAPDocumentGuard.maximumBytes }

    /// A CAP document as received: UTF-8, or whatever its byte-order mark or XML declaration
    /// says (ISO-8859-1, Windows-1252, GB18030/GBK/GB2312, UTF-16 with a BOM).
    public static func decode(_ data: Data) throws(CAPError) -> CAPAlert {
        try CAPDocumentGuard.checkSize(data.count)
        // An Array, not the Data: a Data slice keeps its parent's indices, and indexing it from
        // zero would trap.
        return try decodePrepared(CAPTextEncoding.utf8Document(Array(data)))
    }

    /// A CAP document that is already text, e.g. the `data` string of a CloudEvents `alert`.
    /// Its XML declaration's encoding is ignored: the text was decoded before it got here.
    public static func decode(xml text: String) throws(CAPError) -> CAPAlert {
        try CAPDocumentGuard.checkSize(text.utf8.count)
        return try decodePrepared(CAPTextEncoding.utf8Document(text: text))
    }

    private static func decodePrepared(_ utf8: [UInt8]) throws(CAPError) -> CAPAlert {
        try CAPDocumentGuard.refuseNULAndDTD(utf8)
        try CAPTextEncoding.refuseUnclosedDeclaration(utf8)
        let safe = CAPParserWorkarounds.paddingEmptyProcessingInstructions(utf8)
        let (version, root) = try CAPXMLTreeBuilder.parse(safe)
        var reader = CAPReader(version: version)
        let alert = reader.readAlert(root)
        guard reader.problems.isEmpty else { throw reader.problems.error }
        return alert
    }
}
