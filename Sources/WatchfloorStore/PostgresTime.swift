/// Instants are stored as `timestamptz`, so that the server and its operators read them as
/// times. They travel as exact milliseconds since the epoch, turned into a time by the server
/// (`to_timestamp(ms / 1000.0)`, exact to the microsecond) and back by `milliseconds`: the
/// driver's own `Date` binding would round through a floating-point number of seconds.
enum PostgresTime {
    /// SQL that turns the `timestamptz` in `column` into milliseconds.
    static func milliseconds(_ column: String) -> String { "(extract(epoch FROM \(column)) * 1000)::int8" }
}
