import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Puts libxml2's error numbers into words. Most broken CAP messages were cut off or mangled
/// on the way, so the message says where and suggests exactly that.
enum CAPXMLDiagnostics {
    static func notWellFormed(_ error: Error?, line: Int?, column: Int?) -> String {
        var place = ""
        if let line, line > 0 {
            place = " at line \(line)"
            if let column, column > 0 { place += ", column \(column)" }
        }
        let what = (error as NSError?).map { explain(code: $0.code) } ?? "the parser stopped"
        return "the XML is not well-formed\(place) (\(what)); the message may be truncated or corrupted"
    }

    /// libxml2 warnings that XMLParser hands over as errors but that leave the alert's content
    /// intact: an XML version other than 1.0, odd `xml:lang`/`xml:space` values, namespace
    /// names that are not absolute URIs, a catalog PI. An undeclared entity (27) is a warning
    /// to libxml2 too, but it is NOT here: its text would silently go missing.
    static func isHarmlessWarning(code: Int) -> Bool {
        [93, 97, 98, 99, 100, 102, 106].contains(code)
    }

    /// libxml2 `xmlParserErrors` numbers (xmlerror.h), which XMLParser passes through as
    /// NSError codes.
    static func explain(code: Int) -> String {
        switch code {
        case 2: "the parser ran out of memory"
        case 3, 4: "there is no root element"
        case 5, 86: "the document ends before the alert is closed, or has content after it"
        case 6, 7, 8, 10, 11, 12, 13: "a character reference (&#...;) is broken"
        case 9: "it contains a character XML does not allow"
        case 22: "a bare '&' (text must write it as &amp;)"
        case 14...21, 23, 25: "an entity reference is broken"
        case 24, 26, 27, 28, 29, 30: "it uses an entity that is not defined (without a DTD only &lt; &gt; &amp; &quot; &apos; exist)"
        case 31, 32, 79, 81: "its character encoding is wrong"
        case 33, 34, 43, 44: "a quoted value is not closed"
        case 35, 200...205: "a namespace declaration or prefix is wrong"
        case 38...42, 65, 75, 84: "an attribute is broken"
        case 45, 80: "a comment is broken (not closed, or contains '--')"
        case 46, 47, 64: "a processing instruction is broken, or the XML declaration is not at the very start"
        case 56, 57, 96: "the XML declaration is broken"
        case 62, 63: "a CDATA section is broken"
        case 68: "a '<' is not followed by a name (text must write it as &lt;)"
        case 72, 73: "a '<' or '>' is missing"
        case 74: "a '</' is missing"
        case 76: "an end tag does not match its start tag"
        case 77, 85: "an element is not closed before the document ends"
        default: "XML error \(code)"
        }
    }
}
