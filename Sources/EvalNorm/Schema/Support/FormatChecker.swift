/// Checks of the `format` values EvalNorm asserts when ``ValidationOptions/assertsFormat`` is on.
///
/// Asserted: `date-time`, `date`, `time` (RFC 3339), `duration` (ISO 8601, RFC 3339 Appendix A),
/// `email` and `idn-email` (RFC 5321 mailbox, simplified), `hostname` and `idn-hostname` (RFC 1123),
/// `ipv4`, `ipv6`, `uri`, `uri-reference`, `iri`, `iri-reference` (RFC 3986 syntax), `uuid`,
/// `json-pointer`, `relative-json-pointer` and `regex`. Any other format is an annotation only.
enum FormatChecker {
    /// Whether `text` is valid for `format`; `true` for formats EvalNorm does not know.
    static func isValid(_ text: String, format: String) -> Bool {
        let bytes = Array(text.utf8)
        switch format {
        case "date-time": return isDateTime(bytes)
        case "date": return isDate(bytes[...])
        case "time": return isTime(bytes[...])
        case "duration": return isDuration(bytes)
        case "email", "idn-email": return isEmail(text)
        case "hostname": return isHostname(bytes, allowNonASCII: false)
        case "idn-hostname": return isHostname(bytes, allowNonASCII: true)
        case "ipv4": return isIPv4(bytes[...])
        case "ipv6": return isIPv6(text)
        case "uri", "iri": return isURI(text, requireScheme: true, allowNonASCII: format == "iri")
        case "uri-reference", "iri-reference":
            return isURI(text, requireScheme: false, allowNonASCII: format == "iri-reference")
        case "uuid": return isUUID(bytes)
        case "json-pointer": return (try? JSONPointer(text)) != nil
        case "relative-json-pointer": return isRelativePointer(text)
        case "regex": return (try? SchemaPattern(text)) != nil
        default: return true
        }
    }

    /// The formats ``isValid(_:format:)`` asserts.
    static let assertedFormats: Set<String> = [
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname",
        "ipv4", "ipv6", "uri", "iri", "uri-reference", "iri-reference", "uuid", "json-pointer",
        "relative-json-pointer", "regex",
    ]

    // MARK: RFC 3339

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy(\.isDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 11, bytes[10] | 0x20 == UInt8(ascii: "t") else { return false }
        return isDate(bytes[..<10]) && isTime(bytes[11...])
    }

    private static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let b = Array(bytes)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = number(b[0..<4]), let month = number(b[5..<7]), let day = number(b[8..<10]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// `HH:MM:SS[.frac](Z|±HH:MM)`; second 60 only where the UTC time is 23:59.
    private static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        let b = Array(bytes)
        guard b.count >= 9, b[2] == UInt8(ascii: ":"), b[5] == UInt8(ascii: ":"),
              let hour = number(b[0..<2]), let minute = number(b[3..<5]), let second = number(b[6..<8]),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = 8
        if b[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < b.count, b[index].isDigit { index += 1 }
            guard index > start else { return false }
        }
        guard index < b.count else { return false }
        var offsetMinutes = 0
        if b[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == b.count else { return false }
        } else {
            guard b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-"), b.count - index == 6,
                  b[index + 3] == UInt8(ascii: ":"),
                  let offsetHour = number(b[(index + 1)..<(index + 3)]),
                  let offsetMinute = number(b[(index + 4)..<(index + 6)]),
                  offsetHour <= 23, offsetMinute <= 59 else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (b[index] == UInt8(ascii: "-") ? -1 : 1)
        }
        if second == 60 {
            let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utcMinutes == 23 * 60 + 59
        }
        return true
    }

    /// RFC 3339 Appendix A durations: `P`, then weeks alone (`P2W`), or date parts and/or `T` with
    /// time parts, where the parts used are consecutive (`P1Y2M`, `PT1M30S`; not `P1Y2D`).
    private static func isDuration(_ bytes: [UInt8]) -> Bool {
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return false }
        var rest = bytes.dropFirst()
        func parts(_ units: [UInt8]) -> Int? {
            var count = 0, last = -1
            while let digitsEnd = rest.firstIndex(where: { !$0.isDigit }), digitsEnd > rest.startIndex {
                guard let unit = units.firstIndex(of: rest[digitsEnd]), last == -1 || unit == last + 1 else { return nil }
                last = unit
                count += 1
                rest = rest[(digitsEnd + 1)...]
            }
            return count
        }
        if rest.last == UInt8(ascii: "W") {
            return rest.dropLast().allSatisfy(\.isDigit) && rest.count > 1
        }
        guard let dateParts = parts(Array("YMD".utf8)) else { return false }
        if rest.first == UInt8(ascii: "T") {
            rest = rest.dropFirst()
            guard let timeParts = parts(Array("HMS".utf8)), timeParts > 0 else { return false }
        } else if dateParts == 0 {
            return false
        }
        return rest.isEmpty
    }

    // MARK: Internet names and addresses

    private static func isEmail(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at], domain = text[text.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
        } else {
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
            let specials = Set("()<>[]:;@\\,\" ")
            guard !local.contains(where: { specials.contains($0) }) else { return false }
        }
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let literal = domain.dropFirst().dropLast()
            if literal.hasPrefix("IPv6:") { return isIPv6(String(literal.dropFirst(5))) }
            return isIPv4(Array(literal.utf8)[...])
        }
        return isHostname(Array(domain.utf8), allowNonASCII: true)
    }

    private static func isHostname(_ bytes: [UInt8], allowNonASCII: Bool) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"),
                  label.last != UInt8(ascii: "-") else { return false }
            return label.allSatisfy { byte in
                byte.isDigit || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                    || byte == UInt8(ascii: "-") || (allowNonASCII && byte >= 0x80)
            }
        }
    }

    private static func isIPv4(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard (1...3).contains(part.count), let value = number(part), value <= 255 else { return false }
            return part.count == 1 || part.first != UInt8(ascii: "0")
        }
    }

    private static func isIPv6(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 < 0x80 }), !text.contains(":::") else { return false }
        var groups = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var maxGroups = 8
        if let last = groups.last, last.contains(".") {
            guard isIPv4(Array(last.utf8)[...]) else { return false }
            groups.removeLast()
            groups.append("0")  // stands for the two groups of the embedded IPv4 address
            maxGroups = 7
        }
        let compressions = text.ranges(of: "::").count
        guard compressions <= 1 else { return false }
        if compressions == 1 {
            let nonEmpty = groups.filter { !$0.isEmpty }
            guard !text.hasPrefix(":") || text.hasPrefix("::"), !text.hasSuffix(":") || text.hasSuffix("::")
            else { return false }
            return nonEmpty.count < maxGroups && nonEmpty.allSatisfy(isHexGroup)
        }
        return groups.count == maxGroups && groups.allSatisfy(isHexGroup)
    }

    private static func isHexGroup(_ group: String) -> Bool {
        (1...4).contains(group.utf8.count) && group.utf8.allSatisfy(\.isHexDigit)
    }

    // MARK: URIs, UUIDs, pointers

    private static func isURI(_ text: String, requireScheme: Bool, allowNonASCII: Bool) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.allSatisfy({ uriCharacters.contains($0) || (allowNonASCII && $0.value >= 0x80) })
        else { return false }
        var index = 0
        while index < scalars.count {  // every % starts a two-hex-digit escape
            if scalars[index] == "%" {
                guard index + 2 < scalars.count, scalars[index + 1].properties.isASCIIHexDigit,
                      scalars[index + 2].properties.isASCIIHexDigit else { return false }
                index += 3
            } else {
                index += 1
            }
        }
        let reference = URIReference(text)
        if let scheme = reference.scheme {
            guard let first = scheme.utf8.first, first | 0x20 >= UInt8(ascii: "a"), first | 0x20 <= UInt8(ascii: "z"),
                  scheme.utf8.allSatisfy({ $0.isDigit || ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z"))
                      || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
            else { return false }
        } else if requireScheme {
            return false
        }
        if let authority = reference.authority {
            let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
            if hostPort.contains("[") != hostPort.contains("]") { return false }
        }
        let bracketsOutsideHost = reference.path + (reference.query ?? "") + (reference.fragment ?? "")
        return !bracketsOutsideHost.contains("[") && !bracketsOutsideHost.contains("]")
            && reference.fragment?.contains("#") != true
    }

    private static let uriCharacters = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".unicodeScalars)

    private static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !byte.isHexDigit {
                return false
            }
        }
        return true
    }

    private static func isRelativePointer(_ text: String) -> Bool {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits == "0" || !digits.hasPrefix("0") else { return false }
        let rest = text.dropFirst(digits.count)
        return rest == "#" || rest.isEmpty || (try? JSONPointer(String(rest))) != nil
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        isDigit || (self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "f"))
    }
}
