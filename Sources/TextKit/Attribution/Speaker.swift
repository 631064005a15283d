/// Who a statement is attributed to, resolved to a canonical name and a side.
public struct Speaker: Hashable, Sendable {
    public var canonical: String
    public var actor: String?
    public var side: String
    /// `person`, `institution`, `country`, `metonym`, `group`, `unnamed`, `both`, `name`.
    public var category: String
    public var institution: String?
    public var span: TextSpan?
    /// `named`, `pronoun`, `definite`, `previous`.
    public var resolution: String
    /// The person speaking for an institution (`Kremlin spokesman Oleg Saburov`), when named.
    public var spokesperson: String? = nil

    public var isPerson: Bool { category == "person" || category == "name" || category == "spokesperson" }
    public var isOrganization: Bool { ["institution", "country", "metonym"].contains(category) }
}
