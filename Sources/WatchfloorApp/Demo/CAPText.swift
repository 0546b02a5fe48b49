import WatchfloorCore

/// A CAP 1.2 alert as the Chinese national profile writes one, for generated demo data.
enum CAPText {
    static func alert(
        identifier: String, sender: String, sent: Instant, msgType: String, references: String?, event: String,
        severity: String, headline: String, description: String, effective: Instant, expires: Instant,
        areaDesc: String, polygon: String, geocode: String
    ) -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        x += "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
        x += "<identifier>\(identifier)</identifier><sender>\(sender)</sender><sent>\(sent.capTime)</sent>"
        x += "<status>Actual</status><msgType>\(msgType)</msgType><scope>Public</scope>"
        if let references { x += "<references>\(references)</references>" }
        x += "<info><language>zh-CN</language><category>Met</category><event>\(event)</event>"
        x += "<urgency>Expected</urgency><severity>\(severity)</severity><certainty>Likely</certainty>"
        x += "<effective>\(effective.capTime)</effective><expires>\(expires.capTime)</expires>"
        x += "<senderName>\(sender)</senderName><headline>\(headline)</headline><description>\(description)</description>"
        x += "<area><areaDesc>\(areaDesc)</areaDesc><polygon>\(polygon)</polygon>"
        x += "<geocode><valueName>GB/T 2260</valueName><value>\(geocode)</value></geocode></area></info></alert>"
        return x
    }
}
