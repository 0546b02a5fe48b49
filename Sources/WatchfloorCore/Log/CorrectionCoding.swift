/// The log fields of an operator's corrections to the correlation.
enum CorrectionCoding {
    static func write(_ split: IncidentSplit, to w: inout JSONWriter) {
        w.member("incident", split.incident)
        w.member("report", split.report.description)
        w.member("into", split.into)
        LogLineEncoder.writePlacement(split.placement, to: &w)
    }
}
