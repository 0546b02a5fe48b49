/// Where a scenario's own lines come from: its training office, `/sd/<adcode>/training`. The
/// office is not an agency; it speaks only in training scenarios, and only to say what a good
/// response is (`training.expectations`).
enum ScenarioSource {
    static let messageType = "training.expectations"
    static let messageTypeLiteral: StaticString = "training.expectations"
    static let office = "training"

    /// The admin code of a training source, or why the source is not one.
    static func adcode(of source: String) throws(RejectReason) -> String {
        let parts = source.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].isEmpty, parts[1] == "sd", parts[3] == office else {
            throw RejectReason("\(messageType) source \"\(source.prefix(60))\" is not of the form /sd/<adcode>/training")
        }
        let adcode = String(parts[2])
        guard isAdcode(adcode) else {
            throw RejectReason("source \"\(source.prefix(60))\": \"\(adcode.prefix(12))\" is not a 6-digit admin code")
        }
        return adcode
    }
}
