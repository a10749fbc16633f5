/// Tokens consumed. Lunary `tokens.prompt`, `tokens.completion`, `tokens.total`.
public struct TokenUsage: Sendable, Hashable {
    public var promptTokens: JSONNumber?
    public var completionTokens: JSONNumber?
    public var totalTokens: JSONNumber?

    public init(promptTokens: JSONNumber? = nil, completionTokens: JSONNumber? = nil, totalTokens: JSONNumber? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
    }
}
