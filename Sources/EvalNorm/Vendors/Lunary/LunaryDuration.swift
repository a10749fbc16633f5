import Foundation

/// Lunary `duration`: documented as seconds (a number), but the server stores a Postgres interval and
/// may send it as text (`"00:00:03.123"`, `"1 day 02:00:00"`).
enum LunaryDuration {
    /// The duration in milliseconds, exact, or `nil` when it does not parse.
    static func milliseconds(_ value: JSONValue) -> JSONNumber? {
        switch value {
        case .number(let seconds):
            return seconds.decimalValue.flatMap { JSONNumber($0 * 1000) }
        case .string(let text):
            return interval(text).flatMap { JSONNumber($0 * 1000) }
        default:
            return nil
        }
    }

    /// Seconds in `[N day[s] ][-]HH:MM:SS[.fraction]`.
    private static func interval(_ text: String) -> Decimal? {
        var days: Decimal = 0
        var clock = Substring(text)
        let words = text.split(separator: " ")
        if words.count == 3, words[1] == "day" || words[1] == "days", let count = Int(words[0]) {
            days = Decimal(count)
            clock = words[2]
        } else if words.count != 1 {
            return nil
        }
        let negative = clock.hasPrefix("-")
        if negative { clock = clock.dropFirst() }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, (2...6).contains(parts[0].count), let hours = Int(parts[0]), let minutes = Int(parts[1]),
              parts[1].count == 2, parts[2].count >= 2, parts[2].utf8.allSatisfy({ $0.isDigit || $0 == UInt8(ascii: ".") }),
              // No locale: "." separates the decimals, as for JSONNumber.decimalValue.
              let seconds = Decimal(string: String(parts[2]), locale: nil) else { return nil }
        let total = Decimal(hours * 3600 + minutes * 60) + seconds
        return days * 86_400 + (negative ? -total : total)
    }
}
