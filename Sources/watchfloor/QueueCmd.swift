import ArgumentParser
import WatchfloorApp
import WatchfloorCore

extension Agency: ExpressibleByArgument {}

struct QueueCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "The agencies' side of the dispatch queue: list, claim, acknowledge or fail orders.",
        discussion: """
            An agency's gateway claims its orders under a lease, then acks or fails each one; only the \
            claim's holder may. Every transition is logged with actor consumer:<id>. \
            Exit status: 0 done; 1 the transition was refused (not the holder, wrong state, no such order); \
            2 the store could not be read or written.
            """,
        subcommands: [List.self, Claim.self, Ack.self, Fail.self]
    )

    struct Common: ParsableArguments {
        @Option(help: StoreHelp.default)
        var store: String?

        var storePath: String { store ?? DataFiles.defaultStorePath() }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the orders (training and live, each marked).")

        @OptionGroup var common: Common

        @Option(help: "Only this agency's orders (emergency, police, fire, weather, transport, urban).")
        var agency: Agency?

        @Flag(help: "Only training orders.")
        var exercise = false

        @Flag(help: "Only live orders.")
        var live = false

        @Flag(help: "Print JSON in a stable shape: members may be added, none renamed.")
        var json = false

        func validate() throws {
            if exercise && live { throw ValidationError("--exercise and --live exclude each other") }
        }

        func run() throws {
            try perform { () throws(AppError) in
                try QueueCommand.list(storePath: common.storePath, agency: agency, exercise: exercise ? true : live ? false : nil, json: json)
            }
        }
    }

    struct Claim: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Claim the agency's claimable orders, oldest first, under a lease.",
            discussion: "Live orders only, unless --exercise: then training orders only. Prints the orders claimed (none is not an error)."
        )

        @OptionGroup var common: Common

        @Option(help: "The agency whose orders to claim.")
        var agency: Agency

        @Option(help: "This gateway's id, recorded as consumer:<id>.")
        var consumer: String

        @Option(help: "Claim at most this many.")
        var max = 10

        @Option(help: "Seconds the claim lasts; after that anyone may claim the order.")
        var lease: Double = 60

        @Flag(help: "Claim training orders (and only those).")
        var exercise = false

        @Flag(help: "Print JSON in a stable shape: members may be added, none renamed.")
        var json = false

        func validate() throws {
            try validateConsumer(consumer)
            if max < 1 { throw ValidationError("--max must be at least 1") }
            if !(lease > 0 && lease <= 86_400) { throw ValidationError("--lease must be between 0 and 86400 seconds") }
        }

        func run() throws {
            try perform { () throws(AppError) in
                try QueueCommand.claim(storePath: common.storePath, agency: agency, consumer: consumer, max: max,
                                       leaseSeconds: lease, exercise: exercise, json: json)
            }
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Acknowledge a claimed order, perhaps with the unit's status.")

        @OptionGroup var common: Common

        @Argument(help: "The order id: ORD-0001, ord-1 or 1.")
        var order: String

        @Option(help: "This gateway's id: it must hold the claim.")
        var consumer: String

        @Option(help: "The unit's status now: enroute or onscene.")
        var status: String?

        func validate() throws {
            try validateConsumer(consumer)
            if let status, status != "enroute" && status != "onscene" {
                throw ValidationError("--status is enroute or onscene, not '\(status)'")
            }
        }

        func run() throws {
            try perform { () throws(AppError) in
                try QueueCommand.ack(storePath: common.storePath, consumer: consumer, order: Order.id(parsing: order),
                                     status: status.flatMap(UnitStatus.init(rawValue:)))
            }
        }
    }

    struct Fail: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fail a claimed order: retried after a backoff, dead after the last attempt.")

        @OptionGroup var common: Common

        @Argument(help: "The order id: ORD-0001, ord-1 or 1.")
        var order: String

        @Option(help: "This gateway's id: it must hold the claim.")
        var consumer: String

        @Option(help: "Why the agency could not carry it out.")
        var reason: String?

        func validate() throws { try validateConsumer(consumer) }

        func run() throws {
            try perform { () throws(AppError) in
                try QueueCommand.fail(storePath: common.storePath, consumer: consumer, order: Order.id(parsing: order), reason: reason)
            }
        }
    }
}

private func validateConsumer(_ id: String) throws {
    if id.isEmpty || id.contains(where: { $0.isWhitespace || $0.isNewline }) {
        throw ValidationError("--consumer must be a non-empty id without spaces")
    }
}
