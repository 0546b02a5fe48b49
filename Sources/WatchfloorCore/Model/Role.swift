/// What a console may do (DESIGN §5): a duty officer commands; an observer (a visiting
/// leader's screen, a city centre watching the province) looks, and every command it tries
/// is refused and logged. The role is recorded on every command entry.
public enum Role: String, Sendable, CaseIterable, Hashable {
    case `operator`
    case observer
}
