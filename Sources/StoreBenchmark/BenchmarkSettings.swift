/// The benchmark's sizes, from `--orders`, `--approvals` and `--lookups`.
struct BenchmarkSettings {
    /// Orders in the database, drafts included (default 100 000).
    var orders = 100_000
    /// Drafts approved through the pipeline, per side (default 2 000).
    var approvals = 2_000
    /// Look-ups by number, per side (default 200 000).
    var lookups = 200_000
    /// Approvals per side before switching to the other side (default 50).
    var chunk = 50

    init(_ arguments: ArraySlice<String>) {
        var rest = arguments
        while let name = rest.popFirst() {
            guard let text = rest.popFirst(), let value = Int(text), value > 0 else {
                fatalError("usage: store-benchmark [--orders N] [--approvals N] [--lookups N] [--chunk N]")
            }
            switch name {
            case "--orders": orders = value
            case "--approvals": approvals = value
            case "--lookups": lookups = value
            case "--chunk": chunk = value
            default: fatalError("unknown option \(name)")
            }
        }
        precondition(approvals <= orders, "--approvals must not exceed --orders")
    }
}
