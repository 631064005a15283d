/// A mention of an actor of the topic: a person, an institution, or a country standing for its government.
public struct ActorMention: Hashable, Sendable {
    /// What kind of name it is.
    public enum Kind: String, Hashable, Sendable {
        /// A person (by name, alias or role).
        case person
        /// An institution of a country: a ministry, the military, the government.
        case institution
        /// A country's name standing for it (`Armenia said`).
        case country
        /// A capital or metonym standing for a government (`Yerevan said`, `the Kremlin`).
        case metonym
        /// A place (a capital after a preposition: `talks in Baku`); not a speaker.
        case place
        /// `the ministry`, `the military`: refers back to an earlier mention.
        case reference
    }

    public var span: TextSpan
    /// Absolute token indices (in `AnalyzedText.tokens`).
    public var tokens: Range<Int>
    /// `armenia/defense-ministry`, `person/Nikol Pashinyan`, `armenia/government`; empty for an unresolved reference.
    public var actor: String
    public var canonical: String
    public var side: String
    public var kind: Kind
    /// For institutions and references: `defense-ministry`, `foreign-ministry`, `government`.
    public var institution: String?
    /// The name of a spokesperson speaking for the institution (`ministry spokeswoman Lusine Karapetyan`).
    public var spokesperson: String?
    /// `its defence ministry`: a reference whose owner is the organization mentioned last.
    public var ownedByPronoun = false
    /// False for a country the topic does not list (found through the world's countries).
    public var inTopic = true

    /// Whether it names a speaker (places do not).
    public var canSpeak: Bool { kind != .place }
    /// People are "he/she"; institutions and countries are "it"; plural groups are "they".
    public var isPerson: Bool { kind == .person }
}
