import Glibc

extension FileDescriptorBudget {
    /// Reads `RLIMIT_NOFILE`, raises the soft limit as decided, and returns the decision.
    static func apply(maxConnections: Int, reserved: Int) -> FileDescriptorBudget {
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else {
            return FileDescriptorBudget(
                softLimit: .max, hardLimit: .max, maxConnections: maxConnections, reserved: reserved)
        }
        // RLIM_INFINITY is all ones; its C macro does not import as an unsigned value.
        let soft = limit.rlim_cur == rlim_t.max ? UInt64.max : UInt64(limit.rlim_cur)
        let hard = limit.rlim_max == rlim_t.max ? UInt64.max : UInt64(limit.rlim_max)
        let budget = FileDescriptorBudget(
            softLimit: soft, hardLimit: hard, maxConnections: maxConnections, reserved: reserved)
        guard let raised = budget.raisedSoftLimit else { return budget }
        limit.rlim_cur = rlim_t(raised)
        guard setrlimit(resource, &limit) == 0 else {
            // Not raised after all: decide again with the soft limit as the ceiling.
            return FileDescriptorBudget(
                softLimit: soft, hardLimit: soft, maxConnections: maxConnections, reserved: reserved)
        }
        return budget
    }
}
