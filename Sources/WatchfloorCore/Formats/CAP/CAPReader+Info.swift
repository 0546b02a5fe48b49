import Foundation

extension CAPReader {
    /// One `info` block (CAP §3.2.2). `number` counts from 1, as a duty officer would.
    mutating func readInfo(_ info: CAPElement, number: Int) -> CAPInfo {
        let place = " in info \(number)"
        let language = optional("language", in: info, place) ?? ""
        if !language.isEmpty, !CAPRules.isLanguageTag(language) {
            problems.add("<language> \(capQuote(language))\(place) is not a language tag such as zh-CN or en-US")
        }

        let categories = info.children(named: "category").map(\.trimmedText)
        if categories.isEmpty {
            problems.add("required element <category> is missing\(place)")
        }
        for category in categories {
            checkCode("category", category, place, allowed: CAPVocabulary.category)
        }

        let event = required("event", in: info, place)
        let responseTypes = info.children(named: "responseType").map(\.trimmedText)
        for responseType in responseTypes {
            checkCode("responseType", responseType, place, allowed: CAPVocabulary.responseType(version))
        }
        let urgency = code("urgency", in: info, place, allowed: CAPVocabulary.urgency)
        let severity = code("severity", in: info, place, allowed: CAPVocabulary.severity)
        let certainty = code("certainty", in: info, place, allowed: CAPVocabulary.certainty)

        let audience = optionalNonEmpty("audience", in: info, place)
        let eventCodes = namedValues("eventCode", in: info, place)
        let effective = time("effective", in: info, place, required: false)?.date
        let onset = time("onset", in: info, place, required: false)?.date
        let expires = time("expires", in: info, place, required: false)?.date
        let senderName = optionalNonEmpty("senderName", in: info, place)
        let headline = optionalNonEmpty("headline", in: info, place)
        let description = optionalNonEmpty("description", in: info, place)
        let instruction = optionalNonEmpty("instruction", in: info, place)
        let web = optionalNonEmpty("web", in: info, place)
        let contact = optionalNonEmpty("contact", in: info, place)
        let parameters = namedValues("parameter", in: info, place)
        let areas = info.children(named: "area").enumerated().map { offset, area in
            readArea(area, place: " in area \(offset + 1) of info \(number)")
        }

        return CAPInfo(
            language: language.isEmpty ? "en-US" : language, categories: categories, event: event,
            responseTypes: responseTypes, urgency: urgency, severity: severity, certainty: certainty,
            audience: audience, eventCodes: eventCodes, effective: effective, onset: onset, expires: expires,
            senderName: senderName, headline: headline, description: description, instruction: instruction,
            web: web, contact: contact, parameters: parameters, areas: areas
        )
    }

    /// One `area` (CAP §3.2.4): a description and any number of polygons, circles and geocodes.
    private mutating func readArea(_ area: CAPElement, place: String) -> CAPArea {
        let areaDesc = required("areaDesc", in: area, place)
        var polygons: [[GeoPoint]] = []
        for (offset, element) in area.children(named: "polygon").enumerated() {
            switch CAPGeometryText.polygon(element.trimmedText) {
            case .success(let points): polygons.append(points)
            case .failure(let why): problems.add("<polygon> \(offset + 1)\(place) \(why.text)")
            }
        }
        var circles: [CAPCircle] = []
        for (offset, element) in area.children(named: "circle").enumerated() {
            switch CAPGeometryText.circle(element.trimmedText) {
            case .success(let circle): circles.append(circle)
            case .failure(let why): problems.add("<circle> \(offset + 1)\(place) \(why.text)")
            }
        }
        let geocodes = namedValues("geocode", in: area, place)
        return CAPArea(areaDesc: areaDesc, polygons: polygons, circles: circles, geocodes: geocodes)
    }
}
