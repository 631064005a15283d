/// Resolves day mentions (`on Friday`, `May 12`, `a day after`) to ISO dates: against the publication
/// date, or — for undated articles — the topic's event window.
public struct DayResolver: Sendable {
    /// A civil date.
    public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
        public var year: Int, month: Int, day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// Parses `YYYY-MM-DD` (a time after it is ignored).
        public init?(iso: String) {
            let parts = iso.prefix(10).split(separator: "-")
            guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d) else { return nil }
            self.init(year: y, month: m, day: d)
        }

        /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
        public var ordinal: Int {
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yoe = y - era * 400
            let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            return era * 146097 + doe - 719468
        }

        public init(ordinal z0: Int) {
            let z = z0 + 719468
            let era = (z >= 0 ? z : z - 146096) / 146097
            let doe = z - era * 146097
            let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            let d = doy - (153 * mp + 2) / 5 + 1
            let m = mp + (mp < 10 ? 3 : -9)
            self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
        }

        /// 1 Monday … 7 Sunday.
        public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 + 1 }

        public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

        public var description: String {
            func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            return "\(year)-\(pad(month))-\(pad(day))"
        }

        public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    }

    public let publication: Day?
    public let windowStart: Day?
    public let windowEnd: Day?

    public init(publication: String?, windowStart: String?, windowEnd: String?) {
        self.publication = publication.flatMap(Day.init(iso:))
        self.windowStart = windowStart.flatMap(Day.init(iso:))
        self.windowEnd = windowEnd.flatMap(Day.init(iso:))
    }

    /// The day the article speaks from: its date, else the end of the event window.
    public var reference: Day? { publication ?? windowEnd }

    /// The most recent `weekday` (1 Monday … 7 Sunday) on or before the reference day; with `future`,
    /// the next one on or after it.
    public func resolve(weekday: Int, future: Bool = false) -> Day? {
        guard let reference else { return nil }
        let delta = (reference.weekday - weekday + 7) % 7
        if future {
            return reference.adding(days: (weekday - reference.weekday + 7) % 7)
        }
        return reference.adding(days: -delta)
    }

    /// `May 12` in the reference year.
    public func resolve(month: Int, day: Int) -> Day? {
        guard let year = reference?.year ?? windowStart?.year, (1...31).contains(day) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
