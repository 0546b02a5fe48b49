import ArgumentParser

/// What every `--store` option says: the two kinds of store and where the default comes from.
enum StoreHelp {
    static let `default` = ArgumentHelp(
        "The store: a SQLite file, or postgres://USER@HOST[:PORT]/DATABASE for a shared board (the password from PGPASSWORD). Default: $WATCHFLOOR_STORE, else the state directory's watchfloor.db.",
        valueName: "path|url"
    )
}
