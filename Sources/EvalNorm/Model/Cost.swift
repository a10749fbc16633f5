/// What something cost, with the vendor's exact digits.
public struct Cost: Sendable, Hashable {
    /// DataFramer `total_cost`; Aegis `total_cost` and `evaluation_cost` (a decimal string there,
    /// kept as a number with the same digits); Lunary `cost`.
    public var total: JSONNumber
    /// ISO 4217 code; `USD` for every vendor so far.
    public var currency: String?

    public init(total: JSONNumber, currency: String? = "USD") {
        self.total = total
        self.currency = currency
    }
}
