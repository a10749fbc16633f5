// Small values the vendor generators share: UUIDs, hexadecimal ids, timestamps, fixed-width digits.

extension DumpGenerator {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A random version-4 UUID in lowercase, `8-4-4-4-12` hexadecimal digits.
    mutating func uuid() -> String {
        let high = random.next(), low = random.next()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for index in 0..<32 {
            if index == 8 || index == 12 || index == 16 || index == 20 { bytes.append(UInt8(ascii: "-")) }
            var nibble = Int(truncatingIfNeeded: (index < 16 ? high >> (60 - 4 * index) : low >> (60 - 4 * (index - 16))) & 0xF)
            if index == 12 { nibble = 4 }  // version 4
            if index == 16 { nibble = 8 | nibble & 3 }  // RFC 4122 variant
            bytes.append(DumpGenerator.hexDigits[nibble])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `count` random lowercase hexadecimal digits, unquoted (`count` at most 16).
    mutating func appendHex(_ count: Int) {
        let bits = random.next()
        for index in 0..<count {
            output.append(DumpGenerator.hexDigits[Int(truncatingIfNeeded: bits >> (4 * UInt64(index)) & 0xF)])
        }
    }

    /// `value` in decimal with leading zeros to `width` digits, unquoted (`value` below 10^`width`).
    mutating func appendPadded(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 0..<max(0, width - 1) { divisor *= 10 }
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / divisor % 10))
            divisor /= 10
        }
    }

    /// A quoted RFC 3339 UTC timestamp `seconds` after the start of `month` 2026 (wrapping within its
    /// first 28 days), with milliseconds when `millis` is given: `"2026-09-14T13:05:22.481Z"`.
    mutating func appendTimestamp(month: Int, seconds: Int, millis: Int? = nil) {
        let seconds = seconds % (28 * 86_400)
        append("\"2026-")
        appendPadded(month, width: 2)
        append("-")
        appendPadded(1 + seconds / 86_400, width: 2)
        append("T")
        appendPadded(seconds / 3600 % 24, width: 2)
        append(":")
        appendPadded(seconds / 60 % 60, width: 2)
        append(":")
        appendPadded(seconds % 60, width: 2)
        if let millis {
            append(".")
            appendPadded(millis % 1000, width: 3)
        }
        append("Z\"")
    }

    /// A JSON string member value chosen at random from `choices`, quoted (the choices need no escapes).
    mutating func appendChoice(_ choices: [String]) {
        append("\"")
        append(choices[random.next(below: choices.count)])
        append("\"")
    }
}
