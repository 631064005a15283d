/// Where the next ssh worker of a step goes: the reachable host with the fewest workers of the step,
/// round-robin among equals. A host that loses a worker is left alone for a while (2, 4, … up to 60 s).
final class HostPool {
    let hosts: [String]
    private var live: [Int]
    private var failures: [Int]
    private var availableAt: [Double]
    private var next = 0

    init(hosts: [String]) {
        self.hosts = hosts
        live = Array(repeating: 0, count: hosts.count)
        failures = Array(repeating: 0, count: hosts.count)
        availableAt = Array(repeating: 0, count: hosts.count)
    }

    /// A host for a new worker, or nil when every host is resting after failures.
    func acquire(at t: Double) -> Int? {
        let usable = hosts.indices.filter { availableAt[$0] <= t }
        guard let fewest = usable.map({ live[$0] }).min() else { return nil }
        let candidates = usable.filter { live[$0] == fewest }
        let chosen = candidates.first { $0 >= next } ?? candidates[0]
        next = (chosen + 1) % hosts.count
        live[chosen] += 1
        return chosen
    }

    /// The worker on `host` is gone.
    func release(_ host: Int) { live[host] = max(0, live[host] - 1) }

    /// The worker on `host` was lost (or could not connect): rest the host.
    func penalize(_ host: Int, at t: Double) {
        failures[host] += 1
        availableAt[host] = t + min(60, 2 * Double(1 << min(5, failures[host] - 1)))
    }

    /// A worker on `host` answered: the host is fine.
    func succeeded(_ host: Int) {
        failures[host] = 0
        availableAt[host] = 0
    }

    /// The earliest time a host is available again.
    var nextAvailable: Double { availableAt.min() ?? 0 }
    func workers(on host: Int) -> Int { live[host] }
}
