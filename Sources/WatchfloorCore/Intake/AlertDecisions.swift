import Foundation

extension Intake {
    /// A CAP alert becomes a warning issued, updated or cancelled (DESIGN §3.2).
    func decideAlert(_ xml: String) throws(RejectReason) -> [LogEvent] {
        let alert: CAPAlert
        do throws(CAPError) {
            alert = try CAPDecoder.decode(xml: xml)
        } catch {
            throw RejectReason(error.description)
        }
        // Tests, drafts and system messages are accepted (nothing is lost) but warn no one.
        guard alert.status == "Actual" || alert.status == "Exercise" else { return [] }
        let referenced = alert.references.map(\.identifier)
        switch alert.msgType {
        case .cancel:
            let headline = Self.preferredInfo(alert)?.headline ?? Self.preferredInfo(alert)?.event ?? ""
            return [.warningCancelled(warning: alert.identifier, cancels: referenced, headline: headline)]
        case .alert, .update:
            guard var warning = Self.warning(from: alert) else { return [] }
            if alert.msgType == .update {
                warning.replaces = referenced
                return [.warningUpdated(warning)]
            }
            return [.warningIssued(warning)]
        default:
            return []
        }
    }

    /// A Chinese-language `info` when there is one (the floor reads Chinese), else the first.
    static func preferredInfo(_ alert: CAPAlert) -> CAPInfo? {
        alert.infos.first { $0.language.lowercased().hasPrefix("zh") } ?? alert.infos.first
    }

    static func warning(from alert: CAPAlert) -> Warning? {
        guard let info = preferredInfo(alert) else { return nil }
        let level = Level(capSeverity: info.severity) ?? alert.highestLevel ?? .IV
        let areas = info.areas.map { area in
            WarningArea(
                description: area.areaDesc, polygons: area.polygons,
                circles: area.circles.map { (center: $0.center, radiusMetres: $0.radiusMetres) },
                geocodes: area.geocodes.map(\.value)
            )
        }
        return Warning(
            id: alert.identifier, sender: info.senderName ?? alert.sender, level: level, event: info.event,
            headline: info.headline ?? info.event, areas: areas,
            effective: (info.effective ?? info.onset).map { Instant(secondsSince1970: $0.timeIntervalSince1970) },
            expires: info.expires.map { Instant(secondsSince1970: $0.timeIntervalSince1970) }
        )
    }
}
