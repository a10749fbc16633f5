import Foundation

/// A point in time exactly as the vendor wrote it, with a `Date` view.
///
/// Vendors write RFC 3339 (`2026-04-01T09:12:00Z`, `2026-04-01T09:12:00.123456+02:00`), and some omit
/// the offset (`2026-04-01T09:12:00`, read as UTC). The text is never reformatted.
public struct Timestamp: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The text as the vendor wrote it.
    public var text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { self.text = value }

    public var description: String { text }

    /// The instant, if the text is an RFC 3339 date-time (fractional seconds of any length, `Z` or a
    /// numeric offset, or no offset, read as UTC; `T`, `t` or a space between date and time).
    public var date: Date? { Timestamp.parse(text) }

    private static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard byte.isDigit else { return nil }
                value = value * 10 + Int(byte - .zero)
            }
            return value
        }
        guard bytes.count >= 19,
              let year = number(0, 4), bytes[4] == .minus, let month = number(5, 2), bytes[7] == .minus,
              let day = number(8, 2), [UInt8(ascii: "T"), UInt8(ascii: "t"), .space].contains(bytes[10]),
              let hour = number(11, 2), bytes[13] == .colon, let minute = number(14, 2), bytes[16] == .colon,
              let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == .period {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index].isDigit {
                fraction += Double(bytes[index] - .zero) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offsetSeconds = 0
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
            case .plus, .minus:
                guard let offsetHour = number(index + 1, 2), index + 3 < bytes.count, bytes[index + 3] == .colon,
                      let offsetMinute = number(index + 4, 2), offsetHour < 24, offsetMinute < 60
                else { return nil }
                offsetSeconds = (offsetHour * 3600 + offsetMinute * 60) * (bytes[index] == .minus ? -1 : 1)
                index += 6
            default:
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(secondsFromGMT: 0)
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (hour, minute, min(second, 59))
        guard components.isValidDate, let base = components.date else { return nil }
        return base.addingTimeInterval(fraction - Double(offsetSeconds))
    }
}
