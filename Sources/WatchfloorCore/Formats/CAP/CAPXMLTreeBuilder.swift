import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs Foundation's XMLParser over prepared UTF-8 and keeps only the CAP elements.
///
/// Elements are matched on namespace URI and local name (`shouldProcessNamespaces`), so
/// `<alert xmlns="...">` and `<cap:alert xmlns:cap="...">` read the same. Anything in another
/// namespace (the XML signature `ds:Signature`, profile extensions) is skipped with its whole
/// subtree, so a `<value>` inside a signature can never be mistaken for a CAP value.
///
/// XMLParser is a class and not Sendable: one is made per document and never leaves `parse`.
final class CAPXMLTreeBuilder: NSObject, XMLParserDelegate {
    /// CAP's deepest element (alert/info/area/geocode/value) is at depth 5; unknown CAP
    /// elements deeper than this are dropped rather than held.
    static let maximumDepth = 8

    private var stack: [CAPElement] = []
    private var root: CAPElement?
    private var version: CAPVersion?
    /// > 0 while inside a foreign subtree: counts how deep, so its end is found.
    private var foreignDepth = 0
    private var rootProblem: CAPError?
    private var xmlProblem: CAPError?

    /// The CAP version and the alert element, or why there is none.
    static func parse(_ utf8: [UInt8]) throws(CAPError) -> (CAPVersion, CAPElement) {
        let builder = CAPXMLTreeBuilder()
        let parser = XMLParser(data: Data(utf8))
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        // DTDs are refused before we get here (CAPDocumentGuard); these make sure that even if
        // one slipped through, no external entity would be loaded.
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        let finished = parser.parse()
        // `parser.delegate` is weak: keep the builder alive until parsing is over.
        return try withExtendedLifetime(builder) { () throws(CAPError) -> (CAPVersion, CAPElement) in
            // On Linux the parser runs libxml2 in recovery mode, so parse() can return true for a
            // broken document; the errors reported to the delegate are what count.
            if let rootProblem = builder.rootProblem { throw rootProblem }
            if let xmlProblem = builder.xmlProblem { throw xmlProblem }
            if !finished {
                throw CAPError(.malformedXML, CAPXMLDiagnostics.notWellFormed(parser.parserError, line: nil, column: nil))
            }
            guard let version = builder.version, let root = builder.root else {
                throw CAPError(.notCAP, "no <alert> element was found; the message is not a CAP document")
            }
            return (version, root)
        }
    }

    // MARK: - XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if foreignDepth > 0 {
            foreignDepth += 1
            return
        }
        guard let version else {
            startRoot(parser, name: elementName, namespace: namespaceURI ?? "")
            return
        }
        guard !stack.isEmpty, namespaceURI == version.namespace, stack.count < Self.maximumDepth else {
            // Foreign, too deep, or after the root closed (which libxml2 also reports).
            foreignDepth = 1
            return
        }
        stack.append(CAPElement(name: elementName))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if foreignDepth > 0 {
            foreignDepth -= 1
            return
        }
        guard let done = stack.popLast() else { return }
        if stack.isEmpty {
            root = done
        } else {
            stack[stack.count - 1].children.append(done)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard foreignDepth == 0, !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard foreignDepth == 0, !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        // XMLParser reports libxml2's warnings here too; some say nothing about the alert.
        if CAPXMLDiagnostics.isHarmlessWarning(code: (parseError as NSError).code) { return }
        // Keep the first: later ones are usually consequences of it.
        guard xmlProblem == nil, rootProblem == nil else { return }
        xmlProblem = CAPError(.malformedXML, CAPXMLDiagnostics.notWellFormed(parseError, line: parser.lineNumber, column: parser.columnNumber))
        // The document is refused either way, so stop rather than let libxml2's recovery mode
        // go on. This also bounds a leak in swift-corelibs-foundation, which loses a small
        // CFString for every error it reports (about 72 bytes; seen under LeakSanitizer).
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        nil
    }

    // MARK: - The root

    private func startRoot(_ parser: XMLParser, name: String, namespace: String) {
        guard name == "alert", let v = CAPVersion(namespace: namespace) else {
            rootProblem = CAPError(.notCAP, Self.describeWrongRoot(name: name, namespace: namespace))
            parser.abortParsing()
            return
        }
        version = v
        stack.append(CAPElement(name: name))
    }

    private static func describeWrongRoot(name: String, namespace: String) -> String {
        let supported = "\(CAPVersion.v1_2.namespace) or \(CAPVersion.v1_1.namespace)"
        if namespace == "http://www.incident.com/cap/1.0" {
            return "CAP 1.0 is not supported; only CAP 1.1 and 1.2 are (namespace \(supported))"
        }
        if name == "alert", namespace.isEmpty {
            return "the root element <alert> has no CAP namespace; it must be in \(supported)"
        }
        if name == "alert" {
            return "the root element <alert> is in namespace \(capQuote(namespace)), not CAP 1.1 or 1.2 (\(supported))"
        }
        let ns = namespace.isEmpty ? "" : " in namespace \(capQuote(namespace))"
        return "the root element is <\(name)>\(ns); a CAP message must be an <alert> in \(supported)"
    }
}
