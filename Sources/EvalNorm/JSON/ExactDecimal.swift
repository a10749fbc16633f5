/// A JSON number as an exact decimal, `±digits × 10^exponent`: what JSON Schema's numeric keywords
/// and ``JSONNumber/isIntegral`` compare.
///
/// Read from the lexeme, never through `Double`: `0.1` is exactly one tenth, `1.0` equals `1`, and
/// `12345678901234567891` keeps its last digit. `digits` has no leading or trailing zeros (those move
/// into `exponent`); zero has no digits. Exponents are clamped to ±10^17, so `1e999999999999999999999`
/// compares as the huge number it is instead of overflowing (numbers whose exponents both pass
/// that clamp compare as equal in magnitude).
struct ExactDecimal: Sendable, Equatable {
    /// Whether the number is below zero (`-0` is zero, not negative).
    var isNegative: Bool
    /// The significant digits as ASCII digit values 0–9, most significant first; empty for zero.
    var digits: [UInt8]
    /// The power of ten that the last digit stands for.
    var exponent: Int

    init(_ number: JSONNumber) {
        let utf8 = Array(number.lexeme.utf8)
        var index = 0
        var negative = false
        if index < utf8.count, utf8[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var digits: [UInt8] = []
        var exponent = 0
        while index < utf8.count, utf8[index].isDigit {
            digits.append(utf8[index] - UInt8(ascii: "0"))
            index += 1
        }
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            while index < utf8.count, utf8[index].isDigit {
                digits.append(utf8[index] - UInt8(ascii: "0"))
                exponent -= 1
                index += 1
            }
        }
        if index < utf8.count {  // e or E
            index += 1
            var sign = 1
            if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
                sign = utf8[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
            }
            var magnitude = 0
            while index < utf8.count, utf8[index].isDigit {
                magnitude = min(magnitude * 10 + Int(utf8[index] - UInt8(ascii: "0")), ExactDecimal.exponentLimit)
                index += 1
            }
            exponent += sign * magnitude
        }
        let firstNonZero = digits.firstIndex { $0 != 0 } ?? digits.count
        digits.removeFirst(firstNonZero)
        while digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        self.isNegative = negative && !digits.isEmpty
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    private static let exponentLimit = 100_000_000_000_000_000

    var isZero: Bool { digits.isEmpty }

    /// -1, 0 or 1 as `self` is below, equal to or above `other`.
    func compare(to other: ExactDecimal) -> Int {
        let sign = isZero ? 0 : (isNegative ? -1 : 1)
        let otherSign = other.isZero ? 0 : (other.isNegative ? -1 : 1)
        if sign != otherSign { return sign < otherSign ? -1 : 1 }
        if sign == 0 { return 0 }
        let magnitude = compareMagnitude(to: other)
        return isNegative ? -magnitude : magnitude
    }

    private func compareMagnitude(to other: ExactDecimal) -> Int {
        // The position of the leading digit decides first; then the digits, left to right.
        let order = digits.count + exponent
        let otherOrder = other.digits.count + other.exponent
        if order != otherOrder { return order < otherOrder ? -1 : 1 }
        for (digit, otherDigit) in zip(digits, other.digits) where digit != otherDigit {
            return digit < otherDigit ? -1 : 1
        }
        if digits.count != other.digits.count { return digits.count < other.digits.count ? -1 : 1 }
        return 0
    }

    /// Whether `self` is an integer multiple of `divisor` (which must be above zero), decided exactly.
    ///
    /// With `self = A × 10^a` and `divisor = B × 10^b` (A, B without trailing zeros), the quotient is
    /// an integer when `A × 10^(a−b)` is divisible by B, for `a ≥ b`; for `a < b` only zero is (A
    /// would need a factor of 10). A divisor of more than 38 significant digits falls back to
    /// `Double` division; `nil` means the answer could not be decided.
    func isMultiple(of divisor: ExactDecimal) -> Bool? {
        if isZero { return true }
        if divisor.isZero { return nil }
        let shift = exponent - divisor.exponent
        if shift < 0 { return false }
        guard divisor.digits.count <= 38, let modulus = UInt128(digits: divisor.digits) else { return nil }
        var remainder: UInt128 = 0
        for digit in digits {
            remainder = (remainder.multipliedModulo(10, modulus) + UInt128(digit)) % modulus
        }
        let power = UInt128(10).powerModulo(shift, modulus)
        return remainder.multipliedModulo(power, modulus) == 0
    }
}

extension UInt128 {
    /// The number whose decimal digits (values 0–9) are `digits`, or `nil` when it does not fit.
    fileprivate init?(digits: [UInt8]) {
        var value: UInt128 = 0
        for digit in digits {
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(UInt128(digit))
            if overflow || carry { return nil }
            value = sum
        }
        self = value
    }

    /// `(self × other) mod modulus` without overflow, for operands below `modulus` (any `UInt128`).
    fileprivate func multipliedModulo(_ other: UInt128, _ modulus: UInt128) -> UInt128 {
        let (high, low) = multipliedFullWidth(by: other)
        return modulus.dividingFullWidth((high % modulus, low)).remainder
    }

    /// `self^exponent mod modulus`, by repeated squaring.
    fileprivate func powerModulo(_ exponent: Int, _ modulus: UInt128) -> UInt128 {
        var result: UInt128 = 1 % modulus
        var base = self % modulus
        var exponent = exponent
        while exponent > 0 {
            if exponent & 1 == 1 { result = result.multipliedModulo(base, modulus) }
            base = base.multipliedModulo(base, modulus)
            exponent >>= 1
        }
        return result
    }
}
